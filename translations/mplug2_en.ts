<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>BundleRegistry</name>
    <message>
        <source>the id &quot;%1&quot; belongs to the built-in model; give the bundle another id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no default model is installed: pass --model BUNDLE or --checkpoint FILE --vocab FILE, or import one with &apos;mplug2 import&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no model bundle &quot;%1&quot;: not a registered id and not a bundle folder or manifest</source>
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
        <source>%1 runs on CUDA devices only; the CPU computes in fp32</source>
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
        <source>&quot;config.%1.%2&quot; must be a number, a string or true/false</source>
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
        <source>CLIP BPE file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mplug2Backend</name>
    <message>
        <source>this build cannot run mPLUG-2 models yet (the model layer is missing)</source>
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
        <source>Show the window, save a picture of it to &lt;file&gt; and quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images or videos to open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mplug2::app</name>
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
    <message>
        <source>Benchmarks. &apos;media&apos;: time to sample and decode a model&apos;s frames from a video (open, seek-decode, official transform). With --generate it makes a 10-minute 1080p H.264 file first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to measure: media.</source>
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
        <source>Print one JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mplug2 bench: say what to measure: &apos;mplug2 bench media FILE&apos; or &apos;mplug2 bench media --generate&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mplug2 bench: --frames, --repeat and --threads take positive numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>generating the benchmark video (once; this takes a minute or two)...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mplug2 bench: name a video file or use --generate</source>
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
    <name>mplug2::ui::MainWindow</name>
    <message>
        <source>mPLUG-2 Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Media files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open images or videos (File ▸ Open) or drop them here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Viewer</source>
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
</context>
</TS>
