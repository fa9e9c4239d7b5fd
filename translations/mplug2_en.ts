<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AnnIndex</name>
    <message>
        <source>the search index %1 is damaged (%2); it will be rebuilt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad vector index size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad vector size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writing %1 failed (disk full?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot replace %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AskCommand</name>
    <message>
        <source>Answer a question about images and videos, freely or by ranking a list of candidate answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank these candidate answers (one per line).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --answers: how many candidates the official re-ranking keeps (k, default all up to 128).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print one JSON object per media item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images or videos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--question is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no media given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--top needs --answers and a positive number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttentionCommand</name>
    <message>
        <source>--%1 must be mean%2 or a number from 0 to %3 (got &quot;%4&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no token &quot;%1&quot; in the answer (its tokens: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the model looked: caption a medium (or answer --question) and write its attention over the frames as PNGs, a contact sheet, a GIF, an MP4 or an HTML report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output file (a folder for png).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>png (per token and frame), contact-sheet, gif, mp4 or html (default: from the -o suffix, else png).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer this question (QA model) instead of captioning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token of the answer: its index or text (default: all, or their mean).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoder layer, or mean (default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention head, mean (default) or max.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jet (default), inferno, viridis or turbo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heat map opacity from 0 to 1 (default 0.5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames per second of a GIF or MP4 (default 2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the result, attention maps included, as one JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An image or a video.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give exactly one image or video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-o PATH is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format must be png, contact-sheet, gif, mp4 or html</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--colormap must be jet, inferno, viridis or turbo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--opacity must be a number from 0 to 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--fps must be a number from 0.1 to 60</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attention (default), gradcam or occlusion (hide patches, measure the token&apos;s drop).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How occlusion hides patches: patches (default: windows of visual tokens), random (RISE-style random sets) or pixels (blurred pixels through the whole encoder, slow).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also grade the map: deletion and insertion AUC of the token&apos;s probability as its most salient patches are blurred away or restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--method must be attention, gradcam or occlusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--occlusion-masks must be patches, random or pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--occlusion-masks goes with --method occlusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>faithfulness: deletion AUC %1 (lower is better), insertion AUC %2 (higher is better), probability %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttentionFigure</name>
    <message>
        <source>the caption &quot;%1&quot; names no shape</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BenchCommand</name>
    <message>
        <source>Benchmarks. &apos;media&apos;: time to sample and decode a model&apos;s frames from a video (open, seek-decode, official transform). With --generate it makes a 10-minute 1080p H.264 file first. &apos;retrieval&apos;: search-index latency and recall, and indexing throughput (see &apos;mplug2 bench retrieval --help&apos;). &apos;catalog&apos;: a shared index&apos;s store throughput, claim overhead and client search index (see &apos;mplug2 bench catalog --help&apos;). &apos;moments&apos;: indexing a long video with moments, against its length (see &apos;mplug2 bench moments --help&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to measure: media, retrieval, catalog or moments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video to read (not needed with --generate).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the 10-minute 1080p H.264 benchmark video (kept in the cache folder) and use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds between key frames of the generated video (default 2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where to keep the generated video.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames to sample (default 16).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs to time (default 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoder threads (default: one per CPU).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also time the baseline once: the same frames by decoding every frame in order, without seeking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>say what to measure: &apos;mplug2 bench media FILE&apos; or &apos;mplug2 bench media --generate&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name the benchmark before its options: &apos;mplug2 bench %1 ...&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown benchmark &quot;%1&quot;: use media, retrieval, catalog or moments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--frames, --repeat and --threads take positive numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name a video file or use --generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>generating the benchmark video (once; this takes a minute or two)...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BundleRegistry</name>
    <message>
        <source>the id &quot;%1&quot; belongs to the built-in model; give the bundle another id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no model bundle &quot;%1&quot;: not a registered id and not a bundle folder or manifest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the bundled default model (%1) cannot be used: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no default model is installed (the bundled one belongs at %1): pass --model BUNDLE or --checkpoint FILE --vocab FILE, or import one with &apos;mplug2 import&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;data folder&gt;/models/demo/manifest.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a model with the id &quot;%1&quot; is already installed (%2, from %3): give this one another id, or replace that one</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaptionCommand</name>
    <message>
        <source>Describe images and videos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print one JSON object per media item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images or videos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no media given</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <source>a root needs a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the root name &apos;%1&apos; may hold letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos; and spaces only (at most 100)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogBench</name>
    <message>
        <source>Shared-index benchmark: store throughput with 1, 2 and 4 workers (thumbnails and embeddings, through the work queue), the claim overhead per file, and the client-side search index over the index&apos;s vectors: its first build, the load of its cached copy, and search latency. Point it at an empty scratch index: what it writes stays there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The index: a file or a postgresql:// address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files per store run (default 2000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker counts (default 1,2,4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vector counts for the search index (default 100000; 0 to skip).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedding size (default 768).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queries timed (default 500).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--db FILE|URI is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--files, --dim, --queries and --workers take positive numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already holds %2 files: point the benchmark at an empty scratch index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>store (claim + entry, 2 thumbnails, %1-d embedding per file):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client search index (%1-d, top 10):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the vectors (and the cached search index) an earlier run left in the index, by the run name it printed, instead of filling new ones: for timing the cached load again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run %1 (time its cached search index again with --reuse-run %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClassifyCommand</name>
    <message>
        <source>Zero-shot classification: the probability of each label for images and videos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma-separated labels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels, one per line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With a question-answering model: the question whose answer the labels are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print one JSON object per media item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images or videos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give at least two labels (--labels or --labels-file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no media given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--method must be likelihood or clip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--template must contain {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>likelihood (the decoder&apos;s) or clip (CLIP-space similarity; needs the CLIP BPE file); default %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text scored for each label, {} is the label (default &quot;%1&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClassifyEvaluation</name>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test split (seed %1, %2 files): `%3` %4: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine&apos;s default is the chosen one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine&apos;s default is NOT the chosen one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least one scene is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no template or method to try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create a temporary folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writing %1 media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>classifying the selection split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>classifying the test split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selection split (seed %1, %2 files): the top label names a shape in the file. Chosen: the first row within the best one&apos;s 95% interval.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CliSession</name>
    <message>
        <source> (try --device cpu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loading the model was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConvertCommand</name>
    <message>
        <source>Write the inference weights of a checkpoint as .safetensors: the model&apos;s tensors under their normalised names, without optimizer state or momentum copies. Nothing in the input is run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store floating-point weights as fp16, bf16 or fp32 (default: as stored).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checkpoint (.pth or .safetensors).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The .safetensors file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give an input checkpoint and an output file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown --dtype &quot;%1&quot; (expected fp16, bf16 or fp32)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the output would overwrite the input</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n tensor(s), %2 (from %3, %4)</source>
        <translation>
            <numerusform>%1: %n tensor, %2 (from %3, %4)</numerusform>
            <numerusform>%1: %n tensors, %2 (from %3, %4)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DemoCommands</name>
    <message>
        <source>captions, one shape:  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  colour %1, shape %2, motion %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>captions, two shapes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question answering:   %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retrieval R@1:        %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attention on shape:   %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train the demo model from scratch on the synthetic world of shapes and write a model bundle (manifest, weights, SentencePiece vocabulary, learning curve) into DIR. Running it again on the same DIR resumes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder of the bundle to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random seed (default 1, the shipped model&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after this many minutes (resumable); default: no limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>say where the bundle goes with --out DIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--seed, --minutes and --threads take non-negative numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1/%2  %3 min  %4 samples/s  loss %5 (caption %6, qa %7, itc %8, attention %9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>held-out (rendered) at step %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trained in %1 min: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped at step %1 of %2 after %3 min; run the same command again to continue: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score a demo model on held-out clips and pictures of the synthetic world, written as H.264 and PNG files and read back like any media: captions, answers, text-to-video retrieval and attention.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model bundle folder or manifest (default: the bundled demo model).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held-out clips and pictures (default 300).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the media files in this folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit with 1 when a metric is below its threshold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only write the bundled sample media into this folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only draw where the model looks while naming each shape of --media (default: the bundled sample clip) into this PNG file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clip or picture of --attention-figure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no demo model is installed; name one with --model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no sample clip is installed; name one with --media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: rows for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--items takes a number from 1 to 100000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 held-out items, %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>below the threshold: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LibTorch threads of each of the two model replicas (default: the usable CPUs shared between them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fp32 or bf16: the number format the model computes in (default: fp32).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--precision takes fp32 or bf16</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>classify&apos;s default is not the measured best (template &quot;%1&quot;, %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only measure classify&apos;s label templates and scoring methods: the accuracy of each on a selection split of --items files (default 500); the plainest one within the best one&apos;s 95% interval is then scored on a test split (fixed seeds %1 and %2). With --check, exit with 1 when it is not classify&apos;s default.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoEvaluation</name>
    <message>
        <source>cannot create a temporary folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writing media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>evaluating</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoMedia</name>
    <message>
        <source>cannot create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoModel</name>
    <message>
        <source>%1 is not a demo model (its tokenizer is not SentencePiece)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DenseCaptionCommand</name>
    <message>
        <source>--%1 must be a number of seconds from 0.1 to 86400</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caption a video window by window: subtitles of what happens when.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window length in seconds (default 10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step between window starts (default: the window).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>srt, vtt, json, jsonl, csv or txt (default: from the -o suffix).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the captions to this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the result as one JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A video.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give exactly one video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown output format: give --format srt, vtt, json, jsonl, csv or txt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format needs -o FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One caption per moment instead of fixed windows: each shot (found as index --moments finds them), long shots cut at --window seconds (default 8 here).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--stride does not go with --by-shot</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeviceChoice</name>
    <message>
        <source>bad device &quot;%1&quot;: expected cuda:N with N a device number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no CUDA device is available to this build or machine: use --device cpu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no CUDA device %1 (this machine has %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown device &quot;%1&quot; (expected auto, cpu, cuda or cuda:N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown precision &quot;%1&quot; (expected auto, fp32, fp16 or bf16)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fp16 runs on CUDA devices only; on the CPU use fp32 or bf16</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this CPU has no native bf16 (AVX512_BF16): bf16 runs emulated and is slower than fp32</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EngineStage</name>
    <message>
        <source>Loading the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoding frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoding the frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generating text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ranking candidates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing attention maps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captioning windows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvalExplanationsCommand</name>
    <message>
        <source>How well each explanation of a demo model finds what a word names, on held-out scenes of the synthetic world: the pointing game (the map&apos;s peak on the named shape) and the deletion and insertion AUC, for cross-attention and Grad-CAM per decoder layer, occlusion and a random map, with bootstrap 95% intervals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model bundle folder or manifest (default: the bundled demo model).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held-out scenes (default 40).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed of the held-out scenes (default 20240622).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit with 1 when occlusion&apos;s pointing game is below 90% or a method&apos;s deletion AUC does not beat a random map&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no demo model is installed; name one with --model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--items takes a number from 1 to 100000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--seed takes a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scenes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 held-out scenes, %2 words pointed at, %3 graded by deletion and insertion, %4 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>occlusion&apos;s pointing game is %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not beat a random map</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExplanationEvaluation</name>
    <message>
        <source>at least one scene is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subtitles (SRT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subtitles need exactly one dense caption (a video captioned in time windows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a caption window from %1 s to %2 s is not a valid time span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subtitles (WebVTT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention animation (GIF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an animation shows one media item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention video (MP4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a video shows one media item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention maps (PNG per token and frame)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the result holds no frames (ask for them with the request)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the result holds no attention maps (ask for them with the request)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the result holds %2 frames for %3 attention maps (ask for the frames with the request)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no attention map for token %2, layer %3, head %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention contact sheet (PNG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a contact sheet shows one media item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report (HTML)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>high attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>high relevance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>high importance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all tokens</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportIndexCommand</name>
    <message>
        <source>Write every file of an index, one line each: its path, the caption stored while indexing (mplug2 index --captions), kind, size, times and size in pixels. JSON Lines or CSV, to standard output or a file (written whole or not at all).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The index: a file, or a shared index on a PostgreSQL server (postgresql://user@host:port/database).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jsonl (default) or csv.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write to FILE instead of standard output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--db FILE|URI is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format is jsonl or csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no index %1: make one with &apos;mplug2 index&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write to standard output</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FolderScanner</name>
    <message>
        <source>%1 is not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an image or video file this app indexes (by its extension)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist or is not a folder (is the disk mounted?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder %1 cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scan cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a folder whose name is not valid UTF-8: what it holds is not indexed; rename it to index it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its name is not valid UTF-8; rename it to index it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HtmlReport</name>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the model looked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mPLUG-2 Studio report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 windows; cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>Make a model bundle from an official mPLUG-2 checkpoint: a folder with a manifest that names the checkpoint (not copied), its vocabulary and its configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle folder to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vocabulary (default: the bundled BERT vocabulary); copied into the bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wordpiece (default) or sentencepiece.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>caption (default), qa or pretrain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Official config_bert.json (head counts, stride_layer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Official model config as JSON (image_res, frames, prompt, generation).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CLIP BPE vocabulary, for CLIP-space text embeddings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundle id (default: from the file name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name shown to people.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the model once on the CPU to check that it works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the bundle to this user&apos;s models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register it and make it the default model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checkpoint (.pth or .safetensors).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give exactly one checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--out DIR is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checked: %1 loads (%2 parameters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overwrite a bundle already in --out, and replace a registered model of the same id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already holds a model bundle (%2): pass --replace to overwrite it, or choose another --out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a model with the id &quot;%1&quot; is already installed (%2): pass --id with another id to keep both, or --replace to replace it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IndexCommand</name>
    <message>
        <source>Index images and videos for search: new and changed files are embedded, unchanged ones skipped, deleted ones dropped. Safe to run again and to interrupt; without folders it resumes the last job&apos;s folders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the summary as one JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folders (or single files) to index.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--db FILE is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name the folders to index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>indexed %1 files (%2 changed), %3 unchanged, %4 touched, %5 removed, %6 failed, in %7 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted; run it again to finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The index: a file (created when missing), or a shared index on a PostgreSQL server, postgresql://user@host:port/database (the password comes from ~/.pgpass or PGPASSWORD). Several indexing processes, on one machine or many, may work on one shared index at once: they divide the files among themselves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; trying again in %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all workers together: %1 files stored by %2 workers, %3 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also caption every file (the model&apos;s caption task, its beam settings) and keep the caption in the index: search shows it, export-index writes it. With --moments, every moment gets its own caption, which a moment search shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also find the shots of every video (4 frames analysed per second) and keep an embedding per moment, so that search --moments lands on the moment rather than the file. Long shots are cut into windows (--moment-window). Each moment costs about as much index space as a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --moments: the longest moment in seconds (default 8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--moment-window takes seconds between 0.5 and 3600</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--moment-window goes with --moments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moments: %1 in %2 videos, %3 MB of the index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 embeddings, %2 a second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2  %3 files/s, %4 embeddings/s  </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IndexJob</name>
    <message numerus="yes">
        <source>%1 is %2, but the index holds %n file(s) in it: is the disk or share mounted? Nothing was dropped. Mount it (or name where it is with --root-name), or remove its entries on purpose.</source>
        <translation>
            <numerusform>%1 is %2, but the index holds %n file in it: is the disk or share mounted? Nothing was dropped. Mount it (or name where it is with --root-name), or remove its entries on purpose.</numerusform>
            <numerusform>%1 is %2, but the index holds %n files in it: is the disk or share mounted? Nothing was dropped. Mount it (or name where it is with --root-name), or remove its entries on purpose.</numerusform>
        </translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IndexLocation</name>
    <message>
        <source>%1 on the local server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No index was chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be found: its folder is missing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InfoCommand</name>
    <message>
        <source>Show versions, devices, threads and the licences of the components.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InspectCommand</name>
    <message>
        <source>Describe a checkpoint (.pth or .safetensors) without loading it: format, top-level entries, model weights by group and dtype, and what loading ignores and why. Nothing in the file is run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also list every model weight with its shape and dtype.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checkpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give exactly one checkpoint file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 checkpoint, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-level entries:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s) at the top level (a bare state dict)</source>
        <translation>
            <numerusform>%n tensor at the top level (a bare state dict)</numerusform>
            <numerusform>%n tensors at the top level (a bare state dict)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s), %1</source>
        <translation>
            <numerusform>%n tensor, %1</numerusform>
            <numerusform>%n tensors, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Model weights (from %1): %n tensor(s), %2</source>
        <translation>
            <numerusform>Model weights (from %1): %n tensor, %2</numerusform>
            <numerusform>Model weights (from %1): %n tensors, %2</numerusform>
        </translation>
    </message>
    <message>
        <source>the top level</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s) share storage with another (tied weights)</source>
        <translation>
            <numerusform>%n tensor shares storage with another (tied weights)</numerusform>
            <numerusform>%n tensors share storage with another (tied weights)</numerusform>
        </translation>
    </message>
    <message>
        <source>Key groups:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) lost a DDP &apos;module.&apos; prefix.</source>
        <translation>
            <numerusform>%n key lost a DDP &apos;module.&apos; prefix.</numerusform>
            <numerusform>%n keys lost a DDP &apos;module.&apos; prefix.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pretrain key(s) renamed as the official loader does.</source>
        <translation>
            <numerusform>%n pretrain key renamed as the official loader does.</numerusform>
            <numerusform>%n pretrain keys renamed as the official loader does.</numerusform>
        </translation>
    </message>
    <message>
        <source>Ignored when loading:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inferred configuration (from shapes; head counts, fusion layers that run and stride_layer are the official defaults):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No configuration can be inferred: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MediaBench</name>
    <message>
        <source>ffmpeg did not finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ffmpeg failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the key frame interval must be within 0..60 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>generating the benchmark video needs the ffmpeg command-line tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frames and repeat must be positive</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MediaFrames</name>
    <message>
        <source>no media file given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MediaSource</name>
    <message>
        <source>%1: no such file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no frame at %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no frame %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large to open: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a picture or a video this program can read: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemoryCheck</name>
    <message numerus="yes">
        <source>%n frame(s) (%1)</source>
        <translation>
            <numerusform>%n frame (%1)</numerusform>
            <numerusform>%n frames (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 needs about %2 in %3 (weights %4, %5 of working memory for %n frame(s)), but %6 is free on %7.</source>
        <translation>
            <numerusform>%1 needs about %2 in %3 (weights %4, %5 of working memory for %n frame), but %6 is free on %7.</numerusform>
            <numerusform>%1 needs about %2 in %3 (weights %4, %5 of working memory for %n frames), but %6 is free on %7.</numerusform>
        </translation>
    </message>
    <message>
        <source>Close other programs, or use a smaller model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It would fit with %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelBundle</name>
    <message>
        <source>the manifest has no &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is longer than 4096 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a whole number from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;generation.%1&quot; must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;generation.%1&quot;: min_length %2 is larger than max_length %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 %2 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 %2 is not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 %2 cannot be read (permissions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown model kind &quot;%1&quot; (expected caption, qa or pretrain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported manifest schema &quot;%1&quot; (this version reads %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;id&quot; must be 1-100 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (got &quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the manifest has no &quot;tokenizer&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;tokenizer.kind&quot; must be wordpiece or sentencepiece (got &quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no model bundle at %1 (expected a folder with %2 or a .json manifest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the manifest %1 is larger than 1 MiB: not a model bundle manifest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a JSON object: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model bundle %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vocabulary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is larger than 1 MiB: not a model configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the checkpoint %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no vocabulary given and none is installed: pass --vocab FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;image_res&quot; must be 0 (the checkpoint&apos;s own) or from 16 to 1024</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;config.%1.%2&quot; must be a number, a string, a list or true/false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;tasks&quot; must be a list of task names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;tasks&quot; may hold &quot;caption&quot; and &quot;qa&quot; only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;clip_tokenizer.kind&quot; must be clip or sentencepiece (got &quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give either &quot;clip_bpe&quot; or &quot;clip_tokenizer&quot;, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CLIP text tokenizer file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot copy the vocabulary to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>captioning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pre-trained (retrieval)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelDownload</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a partial file from another source was discarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not enough free space in %1: %2 needed, %3 free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent a web page (Content-Type %2), not the model file: the link may have changed or need a login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server resumed at another byte than asked; starting over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server does not resume downloads (or the file changed there): starting over from the first byte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2 bytes, but the model has %3: refusing a file that is not the one expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent something that is not a checkpoint (it starts with &quot;%2&quot;): the link may have changed or need a login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled at %1 of %2; starting again resumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unknown size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server sent %1 bytes, more than the %2 it announced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https to %1 failed (%2); using http</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server has nothing past byte %1, although it announced %2 bytes: its size is wrong, so the file cannot be trusted; the partial file is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server answered %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot download %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection ended after %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; resuming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled at %1; starting again resumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot download %1: %2; the %3 received are kept, and starting again resumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the download stopped at %1 of %2 bytes; starting again resumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file has %1 bytes, not the %2 expected: it was deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>the server sent %n byte(s), which is not a checkpoint</source>
        <translation>
            <numerusform>the server sent %n byte, which is not a checkpoint</numerusform>
            <numerusform>the server sent %n bytes, which is not a checkpoint</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot read %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file&apos;s sha256 is %1, not the %2 expected: it was deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot rename %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already downloaded: checking it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelOptions</name>
    <message>
        <source>--%1 must be a whole number from %2 to %3 (got &quot;%4&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 must be a number from %2 to %3 (got &quot;%4&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model bundle: a folder, a manifest or a registered id (default: the installed default model).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a checkpoint (.pth or .safetensors) without a bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vocabulary of --checkpoint (default: the bundled BERT vocabulary).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokenizer of --vocab: wordpiece or sentencepiece.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task the checkpoint was trained for: caption, qa or pretrain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Official config_bert.json of --checkpoint (head counts).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Official model config of --checkpoint as JSON (image_res, frames, prompt).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CLIP BPE vocabulary (bpe_simple_vocab_16e6.txt.gz) for CLIP-space text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto, cpu, cuda or cuda:N (default: auto).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto, fp32, fp16 or bf16 (default: auto).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames sampled per video (default: the model&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beam size (default: the model&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fewest tokens to generate (default: the model&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most tokens to generate (default: the model&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many alternatives to report (n-best, default 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>beam (official), greedy or sample.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampling temperature (default 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampling: keep the k likeliest tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampling: nucleus probability mass.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampling: random seed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give either --model or --checkpoint, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 goes with --checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--decoding must be beam, greedy or sample (got &quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--min-length is larger than --max-length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a pretraining checkpoint and cannot answer questions: use a question-answering checkpoint (for example mPLUG2_MSRVTT_QA.pth), or --kind qa to try it anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was given as a caption checkpoint (--kind caption) and cannot answer questions: use --kind qa for a question-answering checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the model %1 cannot answer questions (it is a %2 model): choose a question-answering model with --model, or give its checkpoint with --checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelStore</name>
    <message>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the built-in model&apos;s id: choose another --id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a model with the id &quot;%1&quot; is already installed (%2): pass --id with another id to keep both, or --replace to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already holds a model bundle: remove it with `mplug2 models remove %2`, or pass --replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the downloaded file is not an mPLUG-2 checkpoint, so it was deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the built-in model cannot be removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no model with the id &quot;%1&quot; is installed or being downloaded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelsCommand</name>
    <message>
        <source>Official models (%1, licence %2):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[installed]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[%1 downloaded; download again to resume]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model catalogue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed models:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no model &quot;%1&quot; in the catalogue; the catalogue has: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is published by the mPLUG-2 authors under the %2 licence (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--url must be an http(s) URL or a local file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the URL %1 names no file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 (%3%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (resuming after %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking and importing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The official mPLUG-2 models: list them, download one (resuming where the last try stopped, then importing it), or remove a download.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list: print JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>download: fetch this URL (or local file) instead of a catalogue model; needs --id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>download --url: the id that --model resolves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>download: the name shown to people.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>download --url: caption (default), qa or pretrain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>download: also write an fp16 .safetensors copy (half the size) and use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>download: replace an installed model of the same id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>download: make it the default model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A URL prefix or a local folder that holds the official files (default: $MPLUG2_MODEL_MIRROR).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another catalogue file (default: the bundled one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list, download or remove.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model (download: a catalogue id; remove: an installed id).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give an action: list, download or remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown action &quot;%1&quot;: use list, download or remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list takes no model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give either a catalogue id or --url, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--url needs --id: the id that --model will resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give one catalogue id (see `models list`), or --url URL --id ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--kind goes with --url; a catalogue model has its kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--id goes with --url; a catalogue model is installed under its own id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid id: use lower-case letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give the id of the model to remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MomentTasks</name>
    <message>
        <source>a moment window must be between 0.5 s and one hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the shot analysis rate must be above 0 and at most 60 frames per second</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MomentsBench</name>
    <message>
        <source>making %1 (%2 shots, %3 s of 640x360 H.264)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How fast a video is indexed with moments: shots found at 4 analysed frames per second and every moment embedded, in one pass, against the video&apos;s length. Without --video it makes a multi-shot 640x360 H.264 video of the demo model&apos;s world (kept in the cache folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video to index.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length of the generated video in minutes (default 60).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the figures as one JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--minutes takes 1 to 600</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 s of video, %3 shots, %4 moments in %5 s: %6x real time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mplug2Backend</name>
    <message>
        <source>the attention maps came out malformed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the decoder produced no text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answers questions and does not caption: ask a question, or load a caption model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a question-answering model: load a QA model bundle to ask questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the question is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot load the model %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a picture: dense captions need a video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the caption window must be longer than 0 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 windows are too many (at most %2): choose a longer window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no model is loaded: load a model bundle first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ran out of memory: fewer frames, a smaller precision or the CPU may work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give at least %1 texts to score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most %1 texts can be scored at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reads a question first: give a question to classify with a question-answering model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CLIP-space text needs the CLIP BPE vocabulary (bpe_simple_vocab_16e6.txt.gz): name it as clip_bpe in the model bundle or pass --clip-bpe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>faithfulness needs the text&apos;s token ids, [CLS] first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the text has no token %1 (it has %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the map has %1 values, the medium %2 patches: was it made with other frames?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParityCommand</name>
    <message>
        <source>Runs every case of a fixture folder (cases.json: model stages, tokenizers, frame sampling and pixel transforms) against the official outputs. Exits 0 only when every case passes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fixture folder (holds cases.json).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cpu (default), cuda or cuda:N.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fp32 (default), fp16 or bf16.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run only the cases whose id contains this text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give exactly one fixture folder (see --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--precision must be fp32, fp16 or bf16</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PostgresCatalog</name>
    <message>
        <source>%1 is not a postgresql:// address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid address: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the address holds a password, which would show in the process list, the shell&apos;s history and the list of recent indexes: remove it and put it in ~/.pgpass or PGPASSWORD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the database name cannot contain &apos;/&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a connection parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the value of &apos;%2&apos; cannot contain &apos;;&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Qt PostgreSQL driver is not installed (Debian: libqt6sql6-psql)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot connect to the index %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database of %1 has a table &apos;meta&apos; but is not an mPLUG-2 index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was written by another version (%2; this one reads %3): use a version that reads it, or index into a new database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestContext</name>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultPrinter</name>
    <message>
        <source>%1  (template &quot;%2&quot;, scored by %3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetrievalBench</name>
    <message>
        <source>Search-index benchmark: exact vs ANN query latency and ANN recall@k on synthetic embeddings; indexing throughput with --index-folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collection sizes (default 10000,100000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedding size (default 768, ViT-L/14).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queries per size (default 200).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results per query (default 10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ANN search beam (default 400).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ANN graph degree (default 16).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random seed (default 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also index this folder into a temporary index and report files/s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--dim, --queries, --k, --ef and --m take positive numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad size %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>indexing %1: %2 files in %3 s = %4 files/s, %5 CPU s per file (model %6)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RootOptions</name>
    <message>
        <source>A root of a shared index and where it is on this machine (repeatable). Files are stored relative to their root, so machines that mount one archive at different paths share it. Default: each indexed folder is a root named after itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--root-name takes NAME=PATH, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--root-name %1: / cannot be a root</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SampleHash</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchCommand</name>
    <message>
        <source>the index %1 is empty: run &apos;mplug2 index --db %1 DIR&apos; first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search an index made by &apos;mplug2 index&apos;: media matching a sentence (--text), media like a picture or video (--like), or a list of sentences ranked for one media file (--media with --sentences).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find media similar to this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank --sentences for this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File with one sentence per line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many results (default 10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-score the K best with the model (ITM head, else the decoder likelihood); default 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only media inside this folder (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only images or only videos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only media at least this long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only media at most this long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print one JSON object: query and results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give exactly one of --text, --like or --media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--media and --sentences go together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--db FILE is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--top, --rerank and the durations take non-negative numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--type is image or video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no index %1: make one with &apos;mplug2 index&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the model this index was built with (%1) is not installed: pass it with --model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the search was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the index holds %1 embeddings of this model and the search would compute in %2: pass --precision %1%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the index holds embeddings of several models (%1): choose one with --model and --precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The index: a file, or a shared index on a PostgreSQL server (postgresql://user@host:port/database).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find media matching this sentence. Given several times, each is searched in turn (with --json, one JSON object per line).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find moments (shots and windows of videos indexed with index --moments) instead of whole files; each result has its start and end in seconds. Goes with --text or --like.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--moments goes with --text or --like</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SqlCatalog</name>
    <message>
        <source>catalog paths must be absolute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refusing to store an empty or non-finite embedding of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model %1 gave a %2-dimensional embedding; the index holds %3-dimensional ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the index has no embedding space %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the index %1 is damaged: embedding %2 has %3 bytes instead of %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the index %1 is damaged: an embedding has the wrong size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the index %1 cannot be read or written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the claim on %1 lapsed before it was stored: another worker has taken it over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be a root: name a folder below /</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no free name for the root %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refusing to store a moment of %1 without a CLIP embedding of the file&apos;s size, or with a broken time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the index %1 is damaged: moment %2 has %3 bytes instead of %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SqliteCatalog</name>
    <message>
        <source>no index file given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Qt SQLite driver is not installed (Debian: libqt6sql6-sqlite)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an mPLUG-2 index (not an SQLite database): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an SQLite database but not an mPLUG-2 index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was written by another version (%2; this one reads %3): index the folders again into a new file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TextListFile</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is larger than 4 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a line is longer than %2 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has more than %2 entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no entries</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenizeCommand</name>
    <message>
        <source>Tokenizer: wordpiece (default), sentencepiece or clip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vocabulary: vocab.txt for wordpiece (default: the bundled BERT vocabulary), a .model for sentencepiece, bpe_simple_vocab_16e6.txt.gz for clip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print one JSON object per line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the bundled BERT vocabulary was not found; pass --vocab FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--kind %1 needs --vocab FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the token ids and tokens of each TEXT (or of each line of standard input), as the model receives them: the official BERT tokenizer gives [CLS] + tokens, without [SEP].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep at most N ids (special tokens included).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not add the start (and end) tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texts to tokenize.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--max-length must be a positive whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the text of a list of token ids (separate arguments, or separated by commas or spaces), the way the official code decodes them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave out special tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the spaces before punctuation (no clean-up of tokenization spaces).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token ids.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a token id</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VectorIndex</name>
    <message>
        <source>building the search index was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Run &apos;mplug2 &lt;command&gt; --help&apos; for a command&apos;s options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mPLUG-2 Studio command line: captions, questions, attention maps and retrieval with the mPLUG-2 model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command to run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explore the mPLUG-2 multimodal model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images or videos to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the model bundle &lt;bundle&gt; (a registered id, a folder or a manifest).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caption the first media file at start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask &lt;question&gt; about the first media file at start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the attention of answer token &lt;n&gt; (from 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the window, save a picture of it to &lt;file&gt; and quit (after the task, if any).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the interface language &lt;language&gt; (e.g. en, zh_CN) instead of the system&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resize the window to &lt;size&gt; (e.g. 1280x800) once it is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--size wants a size such as 1280x800, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mplug2::app</name>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caption</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mplug2::app::Engine</name>
    <message>
        <source>no model is loaded: load a model bundle first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out of memory: try fewer frames or a smaller model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>internal error while running the request</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mplug2::app::IndexJob</name>
    <message>
        <source>no model is loaded: load a model before indexing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no folders to index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the model was changed while indexing: run the indexing again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not be indexed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the model %1 does not write captions: choose a captioning model to index with captions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mplug2::app::MediaSearch</name>
    <message>
        <source>no model is loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type something to search for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose a picture or video to search with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give at least one sentence to rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no model is loaded: load a model first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this search needs the model the index was built with (%1): load it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the query embedding has %1 numbers, the index %2: was it built with another model?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is indexed with %1 yet: index a folder first (Index a folder… in the search panel, or mplug2 index).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 indexed these folders in %2 and now runs in %3: embeddings of different precisions are not compared. Load it in %2, or index the folders again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moments are found by a text or by a picture or video, not among sentences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This index has no moments yet: index the folders with moments (the Moments box, or mplug2 index --moments).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mplug2::ui::AboutDialog</name>
    <message>
        <source>About mPLUG-2 Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A desktop tool for exploring the mPLUG-2 multimodal model (ICML 2023): captions and answers for images and videos, the model&apos;s attention on the frames, and cross-modal retrieval over your own folders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licences of third-party components</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licences</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mplug2::ui::AttentionGridView</name>
    <message>
        <source>Attention on every sampled frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampled frame %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mplug2::ui::AttentionPanel</name>
    <message>
        <source>Attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a task with attention maps on to see where the model looked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Layer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Head:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Opacity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the &amp;player</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also lay the map over the frame the player shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latent queries (universal layer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grad-CAM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean of layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean of heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max of heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no exporter “%1” in this build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no attention to export yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n file(s) to %1</source>
        <translation>
            <numerusform>Exported %n file to %1</numerusform>
            <numerusform>Exported %n files to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>“%1”: %n token(s), %2 frames of %3 × %4 patches</source>
        <translation>
            <numerusform>“%1”: %n token, %2 frames of %3 × %4 patches</numerusform>
            <numerusform>“%1”: %n tokens, %2 frames of %3 × %4 patches</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Faithfulness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade the map shown: blur its hottest patches first and follow the word&apos;s probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occlusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grading the map…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faithfulness: deletion AUC %1 (lower is better), insertion AUC %2 (higher is better)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The word&apos;s probability as the map&apos;s hottest patches are blurred away first, or restored first into a blurred clip: a faithful map makes it fall fast and rise fast.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not grade the map: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No attention yet: run caption, ask or dense captions with attention maps on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each window has its own attention: choose one in Results or on the timeline.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mplug2::ui::ColourScale</name>
    <message>
        <source>Colour scale</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mplug2::ui::ErrorBanner</name>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mplug2::ui::FilmstripWidget</name>
    <message>
        <source>Frames the model sees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The frames the model sees. Click one to show it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mplug2::ui::FrameView</name>
    <message>
        <source>Attention %1 at patch row %2, column %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mplug2::ui::GetModelsDialog</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message>
        <source>Get Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Official models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the official server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A URL prefix or a local folder that holds the official files, for sites without internet access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also keep an &amp;fp16 copy (half the size; the model then loads from it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mirror:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 downloaded; Download resumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model catalogue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The official checkpoints of the mPLUG-2 authors (&lt;a href=&quot;%1&quot;&gt;list&lt;/a&gt;), under the &lt;a href=&quot;%2&quot;&gt;%3&lt;/a&gt; licence. Each is the Large model: several GB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mPLUG-2 checkpoints are published by their authors under the %1 licence (%2). Downloading one means accepting it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming after %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking and importing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is installed: choose it in Model ▸ Manage Models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mplug2::ui::ImportBundleDialog</name>
    <message>
        <source>Import Checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Checkpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoints (*.pth *.pt *.bin *.safetensors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vocabulary:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vocabularies (*.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captioning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-trained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;BERT config:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: config_bert.json (head counts, stride_layer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model config:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: the task&apos;s config as JSON (frames, resolution, prompt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: a name to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspect report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the file holds (nothing in it is run):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle (tensor shapes fill in the rest at load):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checkpoint could not be inspected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the inspector stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot run %1 to inspect the checkpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a checkpoint file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspecting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A model with the id &quot;%1&quot; is already installed: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace it, or keep both and give this one the id &quot;%1&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is the built-in model. Keep both and give this one the id &quot;%1&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep Both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mplug2::ui::IndexingBar</name>
    <message>
        <source>Index a folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a folder of pictures and videos to the search index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index new and changed files and forget deleted ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An indexing job is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a model first: indexing runs the model over every file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder to index.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 indexed, %2 unchanged, %3 removed, %4 could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for pictures and videos…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating the search index…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing cancelled: %1 indexed so far (kept); index the folder again to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>the %n chosen folder(s)</source>
        <translation>
            <numerusform>the %n chosen folder</numerusform>
            <numerusform>the %n chosen folders</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 indexed now, %3 already indexed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other indexed folders: %1 indexed, %2 unchanged, %3 removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read.</source>
        <translation>
            <numerusform>%n file could not be read.</numerusform>
            <numerusform>%n files could not be read.</numerusform>
        </translation>
    </message>
    <message>
        <source>Indexing cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An indexing job is running: cancel it or let it end before opening another index.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the index: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the index…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also find the shots of every video and index each moment (a shot, long shots cut into windows of up to %1 s), so that a search can land on it.
Moments multiply the vectors and the index&apos;s size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Moments: %1 in %n video(s), %2 in the index.</source>
        <translation>
            <numerusform>Moments: %1 in %n video, %2 in the index.</numerusform>
            <numerusform>Moments: %1 in %n videos, %2 in the index.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 files/s, %2 embeddings/s — %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mplug2::ui::JobStatusWidget</name>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n more request(s) waiting</source>
        <translation>
            <numerusform>%n more request waiting</numerusform>
            <numerusform>%n more requests waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mplug2::ui::LatentOverview</name>
    <message>
        <source>Latent queries by sampled frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows: the universal layer&apos;s latent queries; columns: sampled frames. Click a row to show that latent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latent %1, sampled frame %2: %3 of its attention</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mplug2::ui::MainWindow</name>
    <message>
        <source>mPLUG-2 Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About mPLUG-2 Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images and videos (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Images or Videos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Result…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ask a Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Play / Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;revious Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next &amp;Media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous M&amp;edia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Manage Models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unload Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model unloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model is installed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage Models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a model first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load on CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded %1 in %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — mPLUG-2 Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1… (Esc cancels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Opening the folder: %n media file(s) found… (Esc cancels)</source>
        <translation>
            <numerusform>Opening the folder: %n media file found… (Esc cancels)</numerusform>
            <numerusform>Opening the folder: %n media files found… (Esc cancels)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n media file(s) found</source>
        <translation>
            <numerusform>%n media file found</numerusform>
            <numerusform>%n media files found</numerusform>
        </translation>
    </message>
    <message>
        <source>Opening the folder was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the model was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the built-in model. Choose another default in Model ▸ Manage Models, or with mplug2 import --default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the default model, shared with the mplug2 command line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the default model &quot;%1&quot; is not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Get Models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download the official mPLUG-2 models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Index…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search another index: a file, or one shared on a PostgreSQL server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An indexing job is running: cancel it or let it end before opening another index.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching the index %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The index %1 cannot be opened: the search uses the default index for now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Index…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the index %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next &amp;Match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next moment of the search in this video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: %1 of %2 windows kept</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mplug2::ui::MediaPanel</name>
    <message>
        <source>Media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Media files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop pictures or videos here, or open them with the buttons above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3 fps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>picture · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mplug2::ui::MediaViewer</name>
    <message>
        <source>Viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open images or videos (File ▸ Open) or drop them here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention of sampled frame %1 of %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match of the search in this video (this is %1 of %2: %3–%4)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mplug2::ui::ModelManagerDialog</name>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register a model bundle folder or manifest.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load at &amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load this model when the app starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Precision:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (cannot be read)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loads at start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoint: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vocabulary: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CLIP BPE: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames: %1 at %2 × %2 px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation: beam %1, length %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Config overrides:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inferred config (loaded):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The full config is inferred from the checkpoint&apos;s tensor shapes when it loads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing loaded · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Model Bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundle manifests (manifest.json *.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot add %1:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Checkpoint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a bundle from an official mPLUG-2 checkpoint (.pth)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Get Models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download the official mPLUG-2 models</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Memory: about %1 on %2 in %3 for %n frame(s) (estimate; %4 free now)</source>
        <translation>
            <numerusform>Memory: about %1 on %2 in %3 for %n frame (estimate; %4 free now)</numerusform>
            <numerusform>Memory: about %1 on %2 in %3 for %n frames (estimate; %4 free now)</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory: cannot be estimated (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>process memory %1, peak %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 (%3) · %4 parameters · weights %5 · estimated need %6 · %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 from the models?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was downloaded to %1. Delete the downloaded files too?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove %1:
%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mplug2::ui::OpenIndexDialog</name>
    <message>
        <source>Options: &apos;%1&apos; is not of the form name=value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options: the value of &apos;%1&apos; lacks its closing quote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent indexes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An index &amp;file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an existing index, or a new file&apos;s name to create one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A shared index on a &amp;PostgreSQL server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. db.example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your login name if empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. sslmode=require connect_timeout=10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More libpq connection parameters, as name=value apart by spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no password here, and none is stored: it is taken from ~/.pgpass, the PGPASSWORD variable or a PGSERVICE service file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Por&amp;t:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optio&amp;ns:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an index file, or type a new file&apos;s name to create one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server&apos;s host name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the name of the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These fields make no valid address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open or create an index file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search indexes (*.sqlite);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mplug2::ui::ResultsPanel</name>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Q: %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dense captions · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caption · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoding %1 ms, vision %2 ms, text %3 ms, generation %4 ms on %5 (%6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length-penalised log-probability (higher is better)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no exporter “%1” in this build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>that request has no result to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classify · %1 · “%2”, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CLIP similarity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decoder likelihood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window %1/%2: %3 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 windows; cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mplug2::ui::SearchResultDelegate</name>
    <message>
        <source>%1 (model)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mplug2::ui::SearchResultsModel</name>
    <message>
        <source>similarity %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model score %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moment %1 (shot %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mplug2::ui::SearchView</name>
    <message>
        <source>approximate search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exact search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>best %1 re-scored by the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) in %1 ms (%2 searched, %3)</source>
        <translation>
            <numerusform>%n result in %1 ms (%2 searched, %3)</numerusform>
            <numerusform>%n results in %1 ms (%2 searched, %3)</numerusform>
        </translation>
    </message>
    <message>
        <source>Media matching a sentence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Media like a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sentences describing a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One sentence per line, e.g. captions to compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sentences to rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pictures and videos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Videos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Media type filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortest duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results to re-score with the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this result?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show where the model looks in this media when it reads the query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More like this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe what you are looking for, e.g. a red circle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A picture or video file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All indexed folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a picture or video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to export yet: search first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;Why this result&quot; needs a text query: this search was by example.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The index was updated: search again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all %1 re-scored by the model, as they are few</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-score the best results with the model (slower, often better). auto: all of them when there are at most %1; 0: never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened the index %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching and indexing %1.
File ▸ Open Index… opens another index.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n moment(s) in %1 ms (%2 searched, %3)</source>
        <translation>
            <numerusform>%n moment in %1 ms (%2 searched, %3)</numerusform>
            <numerusform>%n moments in %1 ms (%2 searched, %3)</numerusform>
        </translation>
    </message>
    <message>
        <source>Find moments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find moments of videos (shots, and windows of long shots) instead of whole files. Needs an index built with Moments checked beside Index a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json);;JSON Lines (*.jsonl);;HTML (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mplug2::ui::TaskOptionsWidget</name>
    <message>
        <source>Model default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many frames of a video the model sees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Frames:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment middles (official)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evenly in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ampling:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beam search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Greedy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Decoding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Beam size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mi&amp;n length:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ma&amp;x length:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many answers to show: the best and its alternatives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;lternatives:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Temperature:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-&amp;k:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-&amp;p:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grad-CAM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latent queries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention maps:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;vice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;recision:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faster, bf16</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occlusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide patches of the frames from the decoder and measure how much each word&apos;s probability drops: what the model uses, not where it looks</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mplug2::ui::TaskPanel</name>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dense</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dense captions: one caption per time window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is happening in the video?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: yes, no, maybe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank these answers instead of writing one (comma-separated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Answers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dog, cat, car</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Labels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text scored for each label; {} stands for the label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoder likelihood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CLIP similarity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scoring:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a red circle on a white background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe the selected picture or video in a sentence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caption Each Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One caption per time window of the video, with start and end times.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a question and press Enter. Earlier questions are in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score each label against the media, zero-shot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find media in your indexed folders that match a sentence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a picture or a video first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a question first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give at least two labels, separated by commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search runs over an index, not one file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed windows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed windows: one caption every window length. By shot: one caption per shot of the video, long shots cut at the window length.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cut:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One caption per shot of the video (long shots in windows), with start and end times.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest moment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shots longer than this are cut into windows of at most this length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The length of each window</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mplug2::ui::TimelineWidget</name>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click or drag to seek; marks show the frames the model sees.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mplug2::ui::TokenChipBar</name>
    <message>
        <source>Answer tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tokens (mean)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the whole answer looked: the mean over its tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show where the model looked while it wrote “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mplug2::ui::WhyResultDialog</name>
    <message>
        <source>Why this result — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the model looks in this media while it reads “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word of the query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the query over the media…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model gave no attention maps for this media.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean log-probability per word of the query given this media: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame %1: %2% of the attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
