<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnnIndex</name>
    <message>
        <source>the search index %1 is damaged (%2); it will be rebuilt</source>
        <translation>搜索索引 %1 已损坏（%2），将重新构建</translation>
    </message>
    <message>
        <source>cannot open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>bad vector index size</source>
        <translation>向量索引大小无效</translation>
    </message>
    <message>
        <source>bad vector size</source>
        <translation>向量维度无效</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>writing %1 failed (disk full?)</source>
        <translation>写入 %1 失败（磁盘已满？）</translation>
    </message>
    <message>
        <source>cannot replace %1</source>
        <translation>无法替换 %1</translation>
    </message>
</context>
<context>
    <name>AskCommand</name>
    <message>
        <source>Answer a question about images and videos, freely or by ranking a list of candidate answers.</source>
        <translation>回答关于图像和视频的问题：自由生成答案，或对候选答案列表排序。</translation>
    </message>
    <message>
        <source>The question.</source>
        <translation>问题。</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Rank these candidate answers (one per line).</source>
        <translation>对这些候选答案排序（每行一个）。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>With --answers: how many candidates the official re-ranking keeps (k, default all up to 128).</source>
        <translation>与 --answers 一起使用：官方重排序保留的候选数（k，默认全部，最多 128）。</translation>
    </message>
    <message>
        <source>Print one JSON object per media item.</source>
        <translation>每个媒体文件输出一个 JSON 对象。</translation>
    </message>
    <message>
        <source>Images or videos.</source>
        <translation>图像或视频。</translation>
    </message>
    <message>
        <source>--question is required</source>
        <translation>必须提供 --question</translation>
    </message>
    <message>
        <source>no media given</source>
        <translation>未提供媒体文件</translation>
    </message>
    <message>
        <source>--top needs --answers and a positive number</source>
        <translation>--top 需要 --answers 和一个正整数</translation>
    </message>
</context>
<context>
    <name>AttentionCommand</name>
    <message>
        <source>--%1 must be mean%2 or a number from 0 to %3 (got &quot;%4&quot;)</source>
        <translation>--%1 必须是 mean%2 或 0 到 %3 之间的数字（实际为“%4”）</translation>
    </message>
    <message>
        <source>no token &quot;%1&quot; in the answer (its tokens: %2)</source>
        <translation>回答中没有词元“%1”（其词元为：%2）</translation>
    </message>
    <message>
        <source>Where the model looked: caption a medium (or answer --question) and write its attention over the frames as PNGs, a contact sheet, a GIF, an MP4 or an HTML report.</source>
        <translation>模型看向了哪里：为媒体生成描述（或回答 --question），并把它在各帧上的注意力写成 PNG、缩略图总览、GIF、MP4 或 HTML 报告。</translation>
    </message>
    <message>
        <source>Output file (a folder for png).</source>
        <translation>输出文件（png 格式时为文件夹）。</translation>
    </message>
    <message>
        <source>png (per token and frame), contact-sheet, gif, mp4 or html (default: from the -o suffix, else png).</source>
        <translation>png（每个词元和帧一张）、contact-sheet、gif、mp4 或 html（默认：按 -o 的后缀，否则为 png）。</translation>
    </message>
    <message>
        <source>Answer this question (QA model) instead of captioning.</source>
        <translation>回答这个问题（问答模型），而不是生成描述。</translation>
    </message>
    <message>
        <source>Token of the answer: its index or text (default: all, or their mean).</source>
        <translation>回答中的词元：序号或文本（默认：全部，或其平均）。</translation>
    </message>
    <message>
        <source>Decoder layer, or mean (default).</source>
        <translation>解码器层，或 mean（默认）。</translation>
    </message>
    <message>
        <source>Attention head, mean (default) or max.</source>
        <translation>注意力头、mean（默认）或 max。</translation>
    </message>
    <message>
        <source>jet (default), inferno, viridis or turbo.</source>
        <translation>jet（默认）、inferno、viridis 或 turbo。</translation>
    </message>
    <message>
        <source>Heat map opacity from 0 to 1 (default 0.5).</source>
        <translation>热力图不透明度，0 到 1（默认 0.5）。</translation>
    </message>
    <message>
        <source>Frames per second of a GIF or MP4 (default 2).</source>
        <translation>GIF 或 MP4 的每秒帧数（默认 2）。</translation>
    </message>
    <message>
        <source>Print the result, attention maps included, as one JSON object.</source>
        <translation>把结果（包括注意力图）输出为一个 JSON 对象。</translation>
    </message>
    <message>
        <source>An image or a video.</source>
        <translation>一张图片或一段视频。</translation>
    </message>
    <message>
        <source>give exactly one image or video</source>
        <translation>请只给出一张图片或一段视频</translation>
    </message>
    <message>
        <source>-o PATH is required</source>
        <translation>必须给出 -o PATH</translation>
    </message>
    <message>
        <source>--format must be png, contact-sheet, gif, mp4 or html</source>
        <translation>--format 必须是 png、contact-sheet、gif、mp4 或 html</translation>
    </message>
    <message>
        <source>--colormap must be jet, inferno, viridis or turbo</source>
        <translation>--colormap 必须是 jet、inferno、viridis 或 turbo</translation>
    </message>
    <message>
        <source>--opacity must be a number from 0 to 1</source>
        <translation>--opacity 必须是 0 到 1 之间的数字</translation>
    </message>
    <message>
        <source>--fps must be a number from 0.1 to 60</source>
        <translation>--fps 必须是 0.1 到 60 之间的数字</translation>
    </message>
    <message>
        <source>attention (default), gradcam or occlusion (hide patches, measure the token&apos;s drop).</source>
        <translation>attention（默认）、gradcam 或 occlusion（遮挡图块，测量该词元概率的下降）。</translation>
    </message>
    <message>
        <source>How occlusion hides patches: patches (default: windows of visual tokens), random (RISE-style random sets) or pixels (blurred pixels through the whole encoder, slow).</source>
        <translation>遮挡方式：patches（默认：视觉词元窗口）、random（RISE 式随机集合）或 pixels（模糊像素并经过整个编码器，较慢）。</translation>
    </message>
    <message>
        <source>Also grade the map: deletion and insertion AUC of the token&apos;s probability as its most salient patches are blurred away or restored.</source>
        <translation>同时为热力图打分：按显著性从高到低模糊或恢复图块时，该词元概率的删除与插入 AUC。</translation>
    </message>
    <message>
        <source>--method must be attention, gradcam or occlusion</source>
        <translation>--method 必须是 attention、gradcam 或 occlusion</translation>
    </message>
    <message>
        <source>--occlusion-masks must be patches, random or pixels</source>
        <translation>--occlusion-masks 必须是 patches、random 或 pixels</translation>
    </message>
    <message>
        <source>--occlusion-masks goes with --method occlusion</source>
        <translation>--occlusion-masks 需与 --method occlusion 一起使用</translation>
    </message>
    <message>
        <source>faithfulness: deletion AUC %1 (lower is better), insertion AUC %2 (higher is better), probability %3</source>
        <translation>忠实度：删除 AUC %1（越低越好），插入 AUC %2（越高越好），概率 %3</translation>
    </message>
</context>
<context>
    <name>AttentionFigure</name>
    <message>
        <source>the caption &quot;%1&quot; names no shape</source>
        <translation>描述“%1”没有说出任何形状</translation>
    </message>
</context>
<context>
    <name>BenchCommand</name>
    <message>
        <source>Benchmarks. &apos;media&apos;: time to sample and decode a model&apos;s frames from a video (open, seek-decode, official transform). With --generate it makes a 10-minute 1080p H.264 file first. &apos;retrieval&apos;: search-index latency and recall, and indexing throughput (see &apos;mplug2 bench retrieval --help&apos;). &apos;catalog&apos;: a shared index&apos;s store throughput, claim overhead and client search index (see &apos;mplug2 bench catalog --help&apos;). &apos;moments&apos;: indexing a long video with moments, against its length (see &apos;mplug2 bench moments --help&apos;).</source>
        <translation>基准测试。&apos;media&apos;：从视频中采样并解码模型帧的时间（打开、定位解码、官方变换）；配合 --generate 会先生成一个 10 分钟的 1080p H.264 文件。&apos;retrieval&apos;：搜索索引的延迟与召回率，以及索引吞吐量（见 &apos;mplug2 bench retrieval --help&apos;）。&apos;catalog&apos;：共享索引的存储吞吐量、认领开销和客户端搜索索引（见 &apos;mplug2 bench catalog --help&apos;）。&apos;moments&apos;：带片段索引长视频的速度与其时长之比（见 &apos;mplug2 bench moments --help&apos;）。</translation>
    </message>
    <message>
        <source>What to measure: media, retrieval, catalog or moments.</source>
        <translation>要测量的内容：media、retrieval、catalog 或 moments。</translation>
    </message>
    <message>
        <source>The video to read (not needed with --generate).</source>
        <translation>要读取的视频（使用 --generate 时不需要）。</translation>
    </message>
    <message>
        <source>Make the 10-minute 1080p H.264 benchmark video (kept in the cache folder) and use it.</source>
        <translation>生成 10 分钟的 1080p H.264 基准测试视频（保存在缓存文件夹中）并使用它。</translation>
    </message>
    <message>
        <source>Seconds between key frames of the generated video (default 2).</source>
        <translation>生成视频的关键帧间隔秒数（默认 2）。</translation>
    </message>
    <message>
        <source>Where to keep the generated video.</source>
        <translation>生成视频的保存位置。</translation>
    </message>
    <message>
        <source>Frames to sample (default 16).</source>
        <translation>要采样的帧数（默认 16）。</translation>
    </message>
    <message>
        <source>Runs to time (default 3).</source>
        <translation>计时运行次数（默认 3）。</translation>
    </message>
    <message>
        <source>Decoder threads (default: one per CPU).</source>
        <translation>解码线程数（默认：每个 CPU 一个）。</translation>
    </message>
    <message>
        <source>Also time the baseline once: the same frames by decoding every frame in order, without seeking.</source>
        <translation>另外计时一次基准：不跳转，按顺序解码每一帧来取得同样的帧。</translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation>输出一个 JSON 对象。</translation>
    </message>
    <message>
        <source>say what to measure: &apos;mplug2 bench media FILE&apos; or &apos;mplug2 bench media --generate&apos;</source>
        <translation>请指明要测量的内容：&apos;mplug2 bench media 文件&apos; 或 &apos;mplug2 bench media --generate&apos;</translation>
    </message>
    <message>
        <source>name the benchmark before its options: &apos;mplug2 bench %1 ...&apos;</source>
        <translation>请在选项之前指明基准测试：&apos;mplug2 bench %1 ...&apos;</translation>
    </message>
    <message>
        <source>unknown benchmark &quot;%1&quot;: use media, retrieval, catalog or moments</source>
        <translation>未知的基准测试“%1”：请使用 media、retrieval、catalog 或 moments</translation>
    </message>
    <message>
        <source>--frames, --repeat and --threads take positive numbers</source>
        <translation>--frames、--repeat 和 --threads 需要正数</translation>
    </message>
    <message>
        <source>name a video file or use --generate</source>
        <translation>请指定视频文件或使用 --generate</translation>
    </message>
    <message>
        <source>generating the benchmark video (once; this takes a minute or two)...</source>
        <translation>正在生成基准测试视频（仅一次，需要一两分钟）……</translation>
    </message>
</context>
<context>
    <name>BundleRegistry</name>
    <message>
        <source>the id &quot;%1&quot; belongs to the built-in model; give the bundle another id</source>
        <translation>ID “%1” 属于内置模型；请为该模型包换一个 ID</translation>
    </message>
    <message>
        <source>no model bundle &quot;%1&quot;: not a registered id and not a bundle folder or manifest</source>
        <translation>没有模型包“%1”：它既不是已注册的 ID，也不是模型包文件夹或清单文件</translation>
    </message>
    <message>
        <source>the bundled default model (%1) cannot be used: %2</source>
        <translation>无法使用内置的默认模型（%1）：%2</translation>
    </message>
    <message>
        <source>no default model is installed (the bundled one belongs at %1): pass --model BUNDLE or --checkpoint FILE --vocab FILE, or import one with &apos;mplug2 import&apos;</source>
        <translation>未安装默认模型（内置模型应位于 %1）：请传入 --model BUNDLE 或 --checkpoint FILE --vocab FILE，或用 &apos;mplug2 import&apos; 导入一个模型</translation>
    </message>
    <message>
        <source>&lt;data folder&gt;/models/demo/manifest.json</source>
        <translation>&lt;数据文件夹&gt;/models/demo/manifest.json</translation>
    </message>
    <message>
        <source>a model with the id &quot;%1&quot; is already installed (%2, from %3): give this one another id, or replace that one</source>
        <translation>ID 为“%1”的模型已安装（%2，来自 %3）：请给这个模型换一个 ID，或替换已安装的模型</translation>
    </message>
</context>
<context>
    <name>CaptionCommand</name>
    <message>
        <source>Describe images and videos.</source>
        <translation>为图像和视频生成描述。</translation>
    </message>
    <message>
        <source>Print one JSON object per media item.</source>
        <translation>每个媒体文件输出一个 JSON 对象。</translation>
    </message>
    <message>
        <source>Images or videos.</source>
        <translation>图像或视频。</translation>
    </message>
    <message>
        <source>no media given</source>
        <translation>未提供媒体文件</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <source>a root needs a name</source>
        <translation>根目录需要一个名称</translation>
    </message>
    <message>
        <source>the root name &apos;%1&apos; may hold letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos; and spaces only (at most 100)</source>
        <translation>根目录名称 &apos;%1&apos; 只能包含字母、数字、&apos;.&apos;、&apos;_&apos;、&apos;-&apos; 和空格（最多 100 个）</translation>
    </message>
</context>
<context>
    <name>CatalogBench</name>
    <message>
        <source>Shared-index benchmark: store throughput with 1, 2 and 4 workers (thumbnails and embeddings, through the work queue), the claim overhead per file, and the client-side search index over the index&apos;s vectors: its first build, the load of its cached copy, and search latency. Point it at an empty scratch index: what it writes stays there.</source>
        <translation>共享索引基准测试：1、2、4 个工作进程（经由工作队列）存储缩略图和嵌入的吞吐量，每个文件的认领开销，以及基于索引向量的客户端搜索索引：首次构建、加载缓存副本和搜索延迟。请指向一个空的临时索引：它写入的内容会留在那里。</translation>
    </message>
    <message>
        <source>The index: a file or a postgresql:// address.</source>
        <translation>索引：文件或 postgresql:// 地址。</translation>
    </message>
    <message>
        <source>Files per store run (default 2000).</source>
        <translation>每轮存储的文件数（默认 2000）。</translation>
    </message>
    <message>
        <source>Worker counts (default 1,2,4).</source>
        <translation>工作进程数（默认 1,2,4）。</translation>
    </message>
    <message>
        <source>Vector counts for the search index (default 100000; 0 to skip).</source>
        <translation>搜索索引的向量数（默认 100000；0 表示跳过）。</translation>
    </message>
    <message>
        <source>Embedding size (default 768).</source>
        <translation>嵌入维度（默认 768）。</translation>
    </message>
    <message>
        <source>Queries timed (default 500).</source>
        <translation>计时的查询数（默认 500）。</translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation>输出一个 JSON 对象。</translation>
    </message>
    <message>
        <source>--db FILE|URI is required</source>
        <translation>需要 --db FILE|URI</translation>
    </message>
    <message>
        <source>--files, --dim, --queries and --workers take positive numbers</source>
        <translation>--files、--dim、--queries 和 --workers 需要正数</translation>
    </message>
    <message>
        <source>%1 already holds %2 files: point the benchmark at an empty scratch index</source>
        <translation>%1 已有 %2 个文件：请让基准测试使用空的临时索引</translation>
    </message>
    <message>
        <source>store (claim + entry, 2 thumbnails, %1-d embedding per file):</source>
        <translation>存储（每个文件：认领 + 条目、2 张缩略图、%1 维嵌入）：</translation>
    </message>
    <message>
        <source>client search index (%1-d, top 10):</source>
        <translation>客户端搜索索引（%1 维，前 10）：</translation>
    </message>
    <message>
        <source>Use the vectors (and the cached search index) an earlier run left in the index, by the run name it printed, instead of filling new ones: for timing the cached load again.</source>
        <translation>按先前运行打印的运行名，使用其留在索引中的向量（及缓存的搜索索引），而不是重新填充：用于再次测量缓存加载时间。</translation>
    </message>
    <message>
        <source>run %1 (time its cached search index again with --reuse-run %1)</source>
        <translation>运行 %1（用 --reuse-run %1 再次测量其缓存搜索索引）</translation>
    </message>
</context>
<context>
    <name>ClassifyCommand</name>
    <message>
        <source>Zero-shot classification: the probability of each label for images and videos.</source>
        <translation>零样本分类：给出图像和视频属于每个标签的概率。</translation>
    </message>
    <message>
        <source>Comma-separated labels.</source>
        <translation>以逗号分隔的标签。</translation>
    </message>
    <message>
        <source>Labels, one per line.</source>
        <translation>标签，每行一个。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>With a question-answering model: the question whose answer the labels are.</source>
        <translation>用于问答模型：以标签作为其答案的问题。</translation>
    </message>
    <message>
        <source>Print one JSON object per media item.</source>
        <translation>每个媒体文件输出一个 JSON 对象。</translation>
    </message>
    <message>
        <source>Images or videos.</source>
        <translation>图像或视频。</translation>
    </message>
    <message>
        <source>give at least two labels (--labels or --labels-file)</source>
        <translation>请至少提供两个标签（--labels 或 --labels-file）</translation>
    </message>
    <message>
        <source>no media given</source>
        <translation>未提供媒体文件</translation>
    </message>
    <message>
        <source>--method must be likelihood or clip</source>
        <translation>--method 必须是 likelihood 或 clip</translation>
    </message>
    <message>
        <source>--template must contain {}</source>
        <translation>--template 必须包含 {}</translation>
    </message>
    <message>
        <source>likelihood (the decoder&apos;s) or clip (CLIP-space similarity; needs the CLIP BPE file); default %1.</source>
        <translation>likelihood（解码器的似然）或 clip（CLIP 空间相似度；需要 CLIP BPE 文件）；默认 %1。</translation>
    </message>
    <message>
        <source>Text scored for each label, {} is the label (default &quot;%1&quot;).</source>
        <translation>为每个标签打分的文本，{} 代表标签（默认“%1”）。</translation>
    </message>
</context>
<context>
    <name>ClassifyEvaluation</name>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source> — chosen</source>
        <translation> — 选中</translation>
    </message>
    <message>
        <source>Test split (seed %1, %2 files): `%3` %4: %5</source>
        <translation>测试集（种子 %1，%2 个文件）：`%3` %4：%5</translation>
    </message>
    <message>
        <source>The engine&apos;s default is the chosen one.</source>
        <translation>引擎的默认设置就是选中的这一项。</translation>
    </message>
    <message>
        <source>The engine&apos;s default is NOT the chosen one.</source>
        <translation>引擎的默认设置不是选中的这一项。</translation>
    </message>
    <message>
        <source>at least one scene is needed</source>
        <translation>至少需要一个场景</translation>
    </message>
    <message>
        <source>no template or method to try</source>
        <translation>没有可尝试的模板或方法</translation>
    </message>
    <message>
        <source>cannot create a temporary folder</source>
        <translation>无法创建临时文件夹</translation>
    </message>
    <message>
        <source>writing %1 media</source>
        <translation>正在写入 %1 个媒体文件</translation>
    </message>
    <message>
        <source>classifying the selection split</source>
        <translation>正在对选择集分类</translation>
    </message>
    <message>
        <source>classifying the test split</source>
        <translation>正在对测试集分类</translation>
    </message>
    <message>
        <source>Selection split (seed %1, %2 files): the top label names a shape in the file. Chosen: the first row within the best one&apos;s 95% interval.</source>
        <translation>选择集（种子 %1，%2 个文件）：排名第一的标签说出了文件中的某个形状。选中：落在最佳一行 95% 区间内的第一行。</translation>
    </message>
</context>
<context>
    <name>CliSession</name>
    <message>
        <source> (try --device cpu)</source>
        <translation>（可尝试 --device cpu）</translation>
    </message>
    <message>
        <source>loading the model was cancelled</source>
        <translation>加载模型已取消</translation>
    </message>
    <message>
        <source>warning: </source>
        <translation>警告：</translation>
    </message>
</context>
<context>
    <name>ConvertCommand</name>
    <message>
        <source>Write the inference weights of a checkpoint as .safetensors: the model&apos;s tensors under their normalised names, without optimizer state or momentum copies. Nothing in the input is run.</source>
        <translation>将检查点的推理权重写为 .safetensors：模型张量使用规范化后的名称，不含优化器状态和动量副本。不会运行输入文件中的任何内容。</translation>
    </message>
    <message>
        <source>Store floating-point weights as fp16, bf16 or fp32 (default: as stored).</source>
        <translation>以 fp16、bf16 或 fp32 存储浮点权重（默认：保持原样）。</translation>
    </message>
    <message>
        <source>The checkpoint (.pth or .safetensors).</source>
        <translation>检查点（.pth 或 .safetensors）。</translation>
    </message>
    <message>
        <source>The .safetensors file to write.</source>
        <translation>要写入的 .safetensors 文件。</translation>
    </message>
    <message>
        <source>give an input checkpoint and an output file</source>
        <translation>请给出一个输入检查点和一个输出文件</translation>
    </message>
    <message>
        <source>unknown --dtype &quot;%1&quot; (expected fp16, bf16 or fp32)</source>
        <translation>未知的 --dtype &quot;%1&quot;（应为 fp16、bf16 或 fp32）</translation>
    </message>
    <message>
        <source>the output would overwrite the input</source>
        <translation>输出会覆盖输入文件</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n tensor(s), %2 (from %3, %4)</source>
        <translation>
            <numerusform>%1：%n 个张量，%2（来自 %3，%4）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DemoCommands</name>
    <message>
        <source>captions, one shape:  %1</source>
        <translation>描述，单个形状：%1</translation>
    </message>
    <message>
        <source>  colour %1, shape %2, motion %3</source>
        <translation>  颜色 %1，形状 %2，运动 %3</translation>
    </message>
    <message>
        <source>captions, two shapes: %1</source>
        <translation>描述，两个形状：%1</translation>
    </message>
    <message>
        <source>question answering:   %1</source>
        <translation>问答：%1</translation>
    </message>
    <message>
        <source>retrieval R@1:        %1</source>
        <translation>检索 R@1：%1</translation>
    </message>
    <message>
        <source>attention on shape:   %1</source>
        <translation>注意力落在形状上：%1</translation>
    </message>
    <message>
        <source>Train the demo model from scratch on the synthetic world of shapes and write a model bundle (manifest, weights, SentencePiece vocabulary, learning curve) into DIR. Running it again on the same DIR resumes.</source>
        <translation>在形状的合成世界上从零训练演示模型，并把模型包（清单、权重、SentencePiece 词表、学习曲线）写入 DIR。对同一 DIR 再次运行即可继续训练。</translation>
    </message>
    <message>
        <source>Folder of the bundle to write.</source>
        <translation>要写入的模型包文件夹。</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Random seed (default 1, the shipped model&apos;s).</source>
        <translation>随机种子（默认 1，即随附模型所用的种子）。</translation>
    </message>
    <message>
        <source>Stop after this many minutes (resumable); default: no limit.</source>
        <translation>运行这么多分钟后停止（可继续）；默认：不限。</translation>
    </message>
    <message>
        <source>m</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>say where the bundle goes with --out DIR</source>
        <translation>请用 --out DIR 指定模型包的位置</translation>
    </message>
    <message>
        <source>--seed, --minutes and --threads take non-negative numbers</source>
        <translation>--seed、--minutes 和 --threads 需要非负数</translation>
    </message>
    <message>
        <source>step %1/%2  %3 min  %4 samples/s  loss %5 (caption %6, qa %7, itc %8, attention %9)</source>
        <translation>第 %1/%2 步  %3 分钟  每秒 %4 个样本  损失 %5（描述 %6，问答 %7，ITC %8，注意力 %9）</translation>
    </message>
    <message>
        <source>held-out (rendered) at step %1:</source>
        <translation>第 %1 步的留出集（渲染）：</translation>
    </message>
    <message>
        <source>trained in %1 min: %2</source>
        <translation>用时 %1 分钟训练完成：%2</translation>
    </message>
    <message>
        <source>stopped at step %1 of %2 after %3 min; run the same command again to continue: %4</source>
        <translation>在第 %1/%2 步、%3 分钟后停止；再次运行同一命令即可继续：%4</translation>
    </message>
    <message>
        <source>Score a demo model on held-out clips and pictures of the synthetic world, written as H.264 and PNG files and read back like any media: captions, answers, text-to-video retrieval and attention.</source>
        <translation>在合成世界的留出视频片段和图片上给演示模型打分（写成 H.264 和 PNG 文件，再像普通媒体一样读回）：描述、回答、文本到视频检索和注意力。</translation>
    </message>
    <message>
        <source>Model bundle folder or manifest (default: the bundled demo model).</source>
        <translation>模型包文件夹或清单（默认：内置的演示模型）。</translation>
    </message>
    <message>
        <source>Held-out clips and pictures (default 300).</source>
        <translation>留出的视频片段和图片数量（默认 300）。</translation>
    </message>
    <message>
        <source>Keep the media files in this folder.</source>
        <translation>将媒体文件保留在此文件夹中。</translation>
    </message>
    <message>
        <source>Exit with 1 when a metric is below its threshold.</source>
        <translation>任一指标低于阈值时以 1 退出。</translation>
    </message>
    <message>
        <source>Only write the bundled sample media into this folder.</source>
        <translation>只将内置的示例媒体写入此文件夹。</translation>
    </message>
    <message>
        <source>Only draw where the model looks while naming each shape of --media (default: the bundled sample clip) into this PNG file.</source>
        <translation>只把模型在说出 --media（默认：内置示例视频）中每个形状时所看的位置画到这个 PNG 文件中。</translation>
    </message>
    <message>
        <source>The clip or picture of --attention-figure.</source>
        <translation>--attention-figure 所用的视频片段或图片。</translation>
    </message>
    <message>
        <source>no demo model is installed; name one with --model</source>
        <translation>未安装演示模型；请用 --model 指定一个</translation>
    </message>
    <message>
        <source>no sample clip is installed; name one with --media</source>
        <translation>未安装示例视频；请用 --media 指定一个</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: rows for %2</source>
        <translation>“%1”：%2 各占一行</translation>
    </message>
    <message>
        <source>--items takes a number from 1 to 100000</source>
        <translation>--items 需要 1 到 100000 之间的数字</translation>
    </message>
    <message>
        <source>%1 held-out items, %2 s</source>
        <translation>%1 个留出样本，%2 秒</translation>
    </message>
    <message>
        <source>below the threshold: %1</source>
        <translation>低于阈值：%1</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>bundle</source>
        <translation>模型包</translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation>输出一个 JSON 对象。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <source>LibTorch threads of each of the two model replicas (default: the usable CPUs shared between them).</source>
        <translation>两个模型副本各自的 LibTorch 线程数（默认：两者平分可用 CPU）。</translation>
    </message>
    <message>
        <source>fp32 or bf16: the number format the model computes in (default: fp32).</source>
        <translation>fp32 或 bf16：模型计算所用的数值格式（默认：fp32）。</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>--precision takes fp32 or bf16</source>
        <translation>--precision 只能是 fp32 或 bf16</translation>
    </message>
    <message>
        <source>classify&apos;s default is not the measured best (template &quot;%1&quot;, %2)</source>
        <translation>classify 的默认设置不是实测最佳（模板“%1”，%2）</translation>
    </message>
    <message>
        <source>Only measure classify&apos;s label templates and scoring methods: the accuracy of each on a selection split of --items files (default 500); the plainest one within the best one&apos;s 95% interval is then scored on a test split (fixed seeds %1 and %2). With --check, exit with 1 when it is not classify&apos;s default.</source>
        <translation>只测量 classify 的标签模板和打分方法：先在 --items 个文件（默认 500）的选择集上测每种组合的准确率；落在最佳组合 95% 区间内最朴素的一种再在测试集上评分（固定种子 %1 和 %2）。使用 --check 时，若它不是 classify 的默认设置则以 1 退出。</translation>
    </message>
</context>
<context>
    <name>DemoEvaluation</name>
    <message>
        <source>cannot create a temporary folder</source>
        <translation>无法创建临时文件夹</translation>
    </message>
    <message>
        <source>writing media</source>
        <translation>写入媒体</translation>
    </message>
    <message>
        <source>evaluating</source>
        <translation>评估中</translation>
    </message>
</context>
<context>
    <name>DemoMedia</name>
    <message>
        <source>cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>DemoModel</name>
    <message>
        <source>%1 is not a demo model (its tokenizer is not SentencePiece)</source>
        <translation>%1 不是演示模型（它的分词器不是 SentencePiece）</translation>
    </message>
</context>
<context>
    <name>DenseCaptionCommand</name>
    <message>
        <source>--%1 must be a number of seconds from 0.1 to 86400</source>
        <translation>--%1 必须是 0.1 到 86400 之间的秒数</translation>
    </message>
    <message>
        <source>Caption a video window by window: subtitles of what happens when.</source>
        <translation>按时间窗口逐段描述视频：生成描述何时发生了什么的字幕。</translation>
    </message>
    <message>
        <source>Window length in seconds (default 10).</source>
        <translation>窗口长度，单位为秒（默认 10）。</translation>
    </message>
    <message>
        <source>Step between window starts (default: the window).</source>
        <translation>相邻窗口起点的间隔（默认等于窗口长度）。</translation>
    </message>
    <message>
        <source>srt, vtt, json, jsonl, csv or txt (default: from the -o suffix).</source>
        <translation>srt、vtt、json、jsonl、csv 或 txt（默认由 -o 的扩展名决定）。</translation>
    </message>
    <message>
        <source>format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Write the captions to this file.</source>
        <translation>将描述写入此文件。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Print the result as one JSON object.</source>
        <translation>以一个 JSON 对象输出结果。</translation>
    </message>
    <message>
        <source>A video.</source>
        <translation>一个视频。</translation>
    </message>
    <message>
        <source>give exactly one video</source>
        <translation>请只提供一个视频</translation>
    </message>
    <message>
        <source>unknown output format: give --format srt, vtt, json, jsonl, csv or txt</source>
        <translation>未知的输出格式：请指定 --format srt、vtt、json、jsonl、csv 或 txt</translation>
    </message>
    <message>
        <source>--format needs -o FILE</source>
        <translation>--format 需要 -o 文件</translation>
    </message>
    <message>
        <source>One caption per moment instead of fixed windows: each shot (found as index --moments finds them), long shots cut at --window seconds (default 8 here).</source>
        <translation>每个片段一条字幕，而不是固定窗口：每个镜头（与 index --moments 的检测方式相同），长镜头按 --window 秒切分（此处默认 8）。</translation>
    </message>
    <message>
        <source>--stride does not go with --by-shot</source>
        <translation>--stride 不能与 --by-shot 一起使用</translation>
    </message>
</context>
<context>
    <name>DeviceChoice</name>
    <message>
        <source>bad device &quot;%1&quot;: expected cuda:N with N a device number</source>
        <translation>设备“%1”无效：应为 cuda:N，N 为设备编号</translation>
    </message>
    <message>
        <source>no CUDA device is available to this build or machine: use --device cpu</source>
        <translation>此版本或此机器上没有可用的 CUDA 设备：请使用 --device cpu</translation>
    </message>
    <message>
        <source>there is no CUDA device %1 (this machine has %2)</source>
        <translation>没有 CUDA 设备 %1（本机共有 %2 个）</translation>
    </message>
    <message>
        <source>unknown device &quot;%1&quot; (expected auto, cpu, cuda or cuda:N)</source>
        <translation>未知设备“%1”（应为 auto、cpu、cuda 或 cuda:N）</translation>
    </message>
    <message>
        <source>unknown precision &quot;%1&quot; (expected auto, fp32, fp16 or bf16)</source>
        <translation>未知精度“%1”（应为 auto、fp32、fp16 或 bf16）</translation>
    </message>
    <message>
        <source>fp16 runs on CUDA devices only; on the CPU use fp32 or bf16</source>
        <translation>fp16 只能在 CUDA 设备上运行；在 CPU 上请使用 fp32 或 bf16</translation>
    </message>
    <message>
        <source>this CPU has no native bf16 (AVX512_BF16): bf16 runs emulated and is slower than fp32</source>
        <translation>此 CPU 不支持原生 bf16（AVX512_BF16）：bf16 以模拟方式运行，比 fp32 更慢</translation>
    </message>
</context>
<context>
    <name>EngineStage</name>
    <message>
        <source>Loading the model</source>
        <translation>正在加载模型</translation>
    </message>
    <message>
        <source>Decoding frames</source>
        <translation>正在解码帧</translation>
    </message>
    <message>
        <source>Encoding the frames</source>
        <translation>正在编码画面</translation>
    </message>
    <message>
        <source>Reading the question</source>
        <translation>正在理解问题</translation>
    </message>
    <message>
        <source>Generating text</source>
        <translation>正在生成文本</translation>
    </message>
    <message>
        <source>Ranking candidates</source>
        <translation>正在为候选项排序</translation>
    </message>
    <message>
        <source>Computing attention maps</source>
        <translation>正在计算注意力图</translation>
    </message>
    <message>
        <source>Captioning windows</source>
        <translation>正在为各时间窗口生成描述</translation>
    </message>
    <message>
        <source>Window %1/%2</source>
        <translation>窗口 %1/%2</translation>
    </message>
</context>
<context>
    <name>EvalExplanationsCommand</name>
    <message>
        <source>How well each explanation of a demo model finds what a word names, on held-out scenes of the synthetic world: the pointing game (the map&apos;s peak on the named shape) and the deletion and insertion AUC, for cross-attention and Grad-CAM per decoder layer, occlusion and a random map, with bootstrap 95% intervals.</source>
        <translation>在合成世界的保留场景上，衡量演示模型的各种解释能否找到词语所指之物：指向游戏（热力图峰值落在所指形状上）以及删除与插入 AUC，涵盖每个解码器层的交叉注意力和 Grad-CAM、遮挡以及随机图，并给出自助法 95% 区间。</translation>
    </message>
    <message>
        <source>Model bundle folder or manifest (default: the bundled demo model).</source>
        <translation>模型包文件夹或清单（默认：内置演示模型）。</translation>
    </message>
    <message>
        <source>bundle</source>
        <translation>模型包</translation>
    </message>
    <message>
        <source>Held-out scenes (default 40).</source>
        <translation>保留场景数（默认 40）。</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Seed of the held-out scenes (default 20240622).</source>
        <translation>保留场景的随机种子（默认 20240622）。</translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation>输出一个 JSON 对象。</translation>
    </message>
    <message>
        <source>Exit with 1 when occlusion&apos;s pointing game is below 90% or a method&apos;s deletion AUC does not beat a random map&apos;s.</source>
        <translation>当遮挡的指向游戏低于 90%，或某方法的删除 AUC 不优于随机图时，以 1 退出。</translation>
    </message>
    <message>
        <source>no demo model is installed; name one with --model</source>
        <translation>未安装演示模型；请用 --model 指定</translation>
    </message>
    <message>
        <source>--items takes a number from 1 to 100000</source>
        <translation>--items 取 1 到 100000 之间的数</translation>
    </message>
    <message>
        <source>--seed takes a whole number</source>
        <translation>--seed 取整数</translation>
    </message>
    <message>
        <source>scenes</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>%1 held-out scenes, %2 words pointed at, %3 graded by deletion and insertion, %4 s</source>
        <translation>%1 个保留场景，%2 个词被指向，%3 个经删除与插入评分，%4 秒</translation>
    </message>
    <message>
        <source>occlusion&apos;s pointing game is %1%</source>
        <translation>遮挡的指向游戏为 %1%</translation>
    </message>
    <message>
        <source>%1 does not beat a random map</source>
        <translation>%1 不优于随机图</translation>
    </message>
</context>
<context>
    <name>ExplanationEvaluation</name>
    <message>
        <source>at least one scene is needed</source>
        <translation>至少需要一个场景</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>CSV table</source>
        <translation>CSV 表格</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>JSON Lines</source>
        <translation>JSON Lines（每行一个对象）</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <source>Subtitles (SRT)</source>
        <translation>字幕（SRT）</translation>
    </message>
    <message>
        <source>subtitles need exactly one dense caption (a video captioned in time windows)</source>
        <translation>字幕需要且只需要一个密集描述结果（按时间窗口逐段描述的视频）</translation>
    </message>
    <message>
        <source>a caption window from %1 s to %2 s is not a valid time span</source>
        <translation>从 %1 秒到 %2 秒的描述窗口不是有效的时间段</translation>
    </message>
    <message>
        <source>Subtitles (WebVTT)</source>
        <translation>字幕（WebVTT）</translation>
    </message>
    <message>
        <source>Attention animation (GIF)</source>
        <translation>注意力动画（GIF）</translation>
    </message>
    <message>
        <source>an animation shows one media item</source>
        <translation>一个动画只能展示一个媒体文件</translation>
    </message>
    <message>
        <source>Attention video (MP4)</source>
        <translation>注意力视频（MP4）</translation>
    </message>
    <message>
        <source>a video shows one media item</source>
        <translation>一个视频只能展示一个媒体文件</translation>
    </message>
    <message>
        <source>Attention maps (PNG per token and frame)</source>
        <translation>注意力图（每个词元、每帧一张 PNG）</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>%1: the result holds no frames (ask for them with the request)</source>
        <translation>%1：结果中没有帧（请在请求中要求返回帧）</translation>
    </message>
    <message>
        <source>nothing to export</source>
        <translation>没有可导出的内容</translation>
    </message>
    <message>
        <source>%1: the result holds no attention maps (ask for them with the request)</source>
        <translation>%1：结果中没有注意力图（请在请求中要求计算注意力）</translation>
    </message>
    <message>
        <source>%1: the result holds %2 frames for %3 attention maps (ask for the frames with the request)</source>
        <translation>%1：结果中有 %2 帧，但注意力图对应 %3 帧（请在请求中要求返回帧）</translation>
    </message>
    <message>
        <source>%1: no attention map for token %2, layer %3, head %4</source>
        <translation>%1：没有词元 %2、第 %3 层、第 %4 个头的注意力图</translation>
    </message>
    <message>
        <source>Attention contact sheet (PNG)</source>
        <translation>注意力缩略图总览（PNG）</translation>
    </message>
    <message>
        <source>a contact sheet shows one media item</source>
        <translation>一张缩略图总览只能展示一个媒体文件</translation>
    </message>
    <message>
        <source>Report (HTML)</source>
        <translation>报告（HTML）</translation>
    </message>
    <message>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <source>high attention</source>
        <translation>注意力高</translation>
    </message>
    <message>
        <source>high relevance</source>
        <translation>相关性高</translation>
    </message>
    <message>
        <source>high importance</source>
        <translation>重要性高</translation>
    </message>
    <message>
        <source>Frame %1</source>
        <translation>第 %1 帧</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>frames</source>
        <translation>帧</translation>
    </message>
    <message>
        <source>all tokens</source>
        <translation>全部词元</translation>
    </message>
</context>
<context>
    <name>ExportIndexCommand</name>
    <message>
        <source>Write every file of an index, one line each: its path, the caption stored while indexing (mplug2 index --captions), kind, size, times and size in pixels. JSON Lines or CSV, to standard output or a file (written whole or not at all).</source>
        <translation>输出索引中的每个文件，每行一个：路径、索引时存储的描述（mplug2 index --captions）、类型、大小、时间和像素尺寸。格式为 JSON Lines 或 CSV，写到标准输出或文件（文件要么完整写入，要么不写）。</translation>
    </message>
    <message>
        <source>The index: a file, or a shared index on a PostgreSQL server (postgresql://user@host:port/database).</source>
        <translation>索引：一个文件，或 PostgreSQL 服务器上的共享索引（postgresql://user@host:port/database）。</translation>
    </message>
    <message>
        <source>jsonl (default) or csv.</source>
        <translation>jsonl（默认）或 csv。</translation>
    </message>
    <message>
        <source>Write to FILE instead of standard output.</source>
        <translation>写入 FILE 而不是标准输出。</translation>
    </message>
    <message>
        <source>--db FILE|URI is required</source>
        <translation>需要 --db FILE|URI</translation>
    </message>
    <message>
        <source>--format is jsonl or csv</source>
        <translation>--format 为 jsonl 或 csv</translation>
    </message>
    <message>
        <source>there is no index %1: make one with &apos;mplug2 index&apos;</source>
        <translation>没有索引 %1：请用 &apos;mplug2 index&apos; 创建</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>cannot write to standard output</source>
        <translation>无法写入标准输出</translation>
    </message>
</context>
<context>
    <name>FolderScanner</name>
    <message>
        <source>%1 is not a file</source>
        <translation>%1 不是文件</translation>
    </message>
    <message>
        <source>%1 is not an image or video file this app indexes (by its extension)</source>
        <translation>%1 不是本应用可索引的图片或视频文件（按扩展名判断）</translation>
    </message>
    <message>
        <source>%1 does not exist or is not a folder (is the disk mounted?)</source>
        <translation>%1 不存在或不是文件夹（磁盘是否已挂载？）</translation>
    </message>
    <message>
        <source>the folder %1 cannot be read</source>
        <translation>无法读取文件夹 %1</translation>
    </message>
    <message>
        <source>scan cancelled</source>
        <translation>扫描已取消</translation>
    </message>
    <message>
        <source>a folder whose name is not valid UTF-8: what it holds is not indexed; rename it to index it</source>
        <translation>文件夹名称不是有效的 UTF-8：其中的内容不会被索引；请重命名后再索引</translation>
    </message>
    <message>
        <source>its name is not valid UTF-8; rename it to index it</source>
        <translation>文件名不是有效的 UTF-8；请重命名后再索引</translation>
    </message>
</context>
<context>
    <name>HtmlReport</name>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Where the model looked</source>
        <translation>模型关注的位置</translation>
    </message>
    <message>
        <source>all tokens</source>
        <translation>全部词元</translation>
    </message>
    <message>
        <source>mPLUG-2 Studio report</source>
        <translation>mPLUG-2 Studio 报告</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>问题：</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>%1 of %2 windows; cancelled</source>
        <translation>共 %2 个窗口，完成 %1 个；已取消</translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>Make a model bundle from an official mPLUG-2 checkpoint: a folder with a manifest that names the checkpoint (not copied), its vocabulary and its configuration.</source>
        <translation>从官方 mPLUG-2 检查点创建模型包：一个文件夹，其中的清单指明检查点（不复制）、词表和配置。</translation>
    </message>
    <message>
        <source>The bundle folder to write.</source>
        <translation>要写入的模型包文件夹。</translation>
    </message>
    <message>
        <source>Vocabulary (default: the bundled BERT vocabulary); copied into the bundle.</source>
        <translation>词表（默认使用内置 BERT 词表）；会复制到模型包中。</translation>
    </message>
    <message>
        <source>wordpiece (default) or sentencepiece.</source>
        <translation>wordpiece（默认）或 sentencepiece。</translation>
    </message>
    <message>
        <source>caption (default), qa or pretrain.</source>
        <translation>caption（默认）、qa 或 pretrain。</translation>
    </message>
    <message>
        <source>Official config_bert.json (head counts, stride_layer).</source>
        <translation>官方 config_bert.json（注意力头数、stride_layer）。</translation>
    </message>
    <message>
        <source>Official model config as JSON (image_res, frames, prompt, generation).</source>
        <translation>JSON 格式的官方模型配置（image_res、帧数、提示词、生成参数）。</translation>
    </message>
    <message>
        <source>CLIP BPE vocabulary, for CLIP-space text embeddings.</source>
        <translation>CLIP BPE 词表，用于 CLIP 空间的文本嵌入。</translation>
    </message>
    <message>
        <source>Bundle id (default: from the file name).</source>
        <translation>模型包 ID（默认取自文件名）。</translation>
    </message>
    <message>
        <source>Name shown to people.</source>
        <translation>显示给用户的名称。</translation>
    </message>
    <message>
        <source>Load the model once on the CPU to check that it works.</source>
        <translation>在 CPU 上加载一次模型，检查能否正常工作。</translation>
    </message>
    <message>
        <source>Add the bundle to this user&apos;s models.</source>
        <translation>将模型包加入当前用户的模型列表。</translation>
    </message>
    <message>
        <source>Register it and make it the default model.</source>
        <translation>注册该模型包并设为默认模型。</translation>
    </message>
    <message>
        <source>The checkpoint (.pth or .safetensors).</source>
        <translation>检查点（.pth 或 .safetensors）。</translation>
    </message>
    <message>
        <source>give exactly one checkpoint</source>
        <translation>请只提供一个检查点</translation>
    </message>
    <message>
        <source>--out DIR is required</source>
        <translation>必须提供 --out 文件夹</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>checked: %1 loads (%2 parameters)</source>
        <translation>检查通过：%1 可以加载（%2 个参数）</translation>
    </message>
    <message>
        <source>Overwrite a bundle already in --out, and replace a registered model of the same id.</source>
        <translation>覆盖 --out 中已有的模型包，并替换已注册的同 ID 模型。</translation>
    </message>
    <message>
        <source>%1 already holds a model bundle (%2): pass --replace to overwrite it, or choose another --out</source>
        <translation>%1 中已有一个模型包（%2）：传入 --replace 以覆盖它，或选择另一个 --out</translation>
    </message>
    <message>
        <source>a model with the id &quot;%1&quot; is already installed (%2): pass --id with another id to keep both, or --replace to replace it</source>
        <translation>ID 为“%1”的模型已安装（%2）：用 --id 指定另一个 ID 以同时保留两者，或用 --replace 替换它</translation>
    </message>
</context>
<context>
    <name>IndexCommand</name>
    <message>
        <source>Index images and videos for search: new and changed files are embedded, unchanged ones skipped, deleted ones dropped. Safe to run again and to interrupt; without folders it resumes the last job&apos;s folders.</source>
        <translation>为搜索建立图片和视频索引：新文件和已修改的文件会被嵌入，未变化的文件跳过，已删除的文件移出索引。可以安全地重复运行或中断；不指定文件夹时继续上一次任务的文件夹。</translation>
    </message>
    <message>
        <source>Print the summary as one JSON object.</source>
        <translation>以一个 JSON 对象输出摘要。</translation>
    </message>
    <message>
        <source>Folders (or single files) to index.</source>
        <translation>要索引的文件夹（或单个文件）。</translation>
    </message>
    <message>
        <source>--db FILE is required</source>
        <translation>必须指定 --db FILE</translation>
    </message>
    <message>
        <source>name the folders to index</source>
        <translation>请指定要索引的文件夹</translation>
    </message>
    <message>
        <source>skipped %1: %2</source>
        <translation>已跳过 %1：%2</translation>
    </message>
    <message>
        <source>indexed %1 files (%2 changed), %3 unchanged, %4 touched, %5 removed, %6 failed, in %7 s</source>
        <translation>已索引 %1 个文件（%2 个有修改），%3 个未变化，%4 个仅时间戳变化，%5 个已移除，%6 个失败，用时 %7 秒</translation>
    </message>
    <message>
        <source>interrupted; run it again to finish</source>
        <translation>已中断；再次运行即可继续完成</translation>
    </message>
    <message>
        <source>The index: a file (created when missing), or a shared index on a PostgreSQL server, postgresql://user@host:port/database (the password comes from ~/.pgpass or PGPASSWORD). Several indexing processes, on one machine or many, may work on one shared index at once: they divide the files among themselves.</source>
        <translation>索引：一个文件（不存在时创建），或 PostgreSQL 服务器上的共享索引 postgresql://user@host:port/database（密码取自 ~/.pgpass 或 PGPASSWORD）。多个索引进程（在一台或多台机器上）可同时处理同一个共享索引，并自行分配文件。</translation>
    </message>
    <message>
        <source>%1; trying again in %2 s</source>
        <translation>%1；%2 秒后重试</translation>
    </message>
    <message>
        <source>all workers together: %1 files stored by %2 workers, %3 waiting</source>
        <translation>所有工作进程合计：%2 个工作进程已存储 %1 个文件，%3 个等待中</translation>
    </message>
    <message>
        <source>Also caption every file (the model&apos;s caption task, its beam settings) and keep the caption in the index: search shows it, export-index writes it. With --moments, every moment gets its own caption, which a moment search shows.</source>
        <translation>同时为每个文件生成字幕（模型的字幕任务及其束搜索设置）并保存在索引中：搜索会显示，export-index 会写出。配合 --moments，每个片段都有自己的字幕，片段搜索会显示它。</translation>
    </message>
    <message>
        <source>Also find the shots of every video (4 frames analysed per second) and keep an embedding per moment, so that search --moments lands on the moment rather than the file. Long shots are cut into windows (--moment-window). Each moment costs about as much index space as a file.</source>
        <translation>同时找出每个视频的镜头（每秒分析 4 帧），并为每个片段保存一个嵌入，使 search --moments 定位到片段而不是整个文件。长镜头按窗口切分（--moment-window）。每个片段占用的索引空间约与一个文件相当。</translation>
    </message>
    <message>
        <source>With --moments: the longest moment in seconds (default 8).</source>
        <translation>配合 --moments：最长片段的秒数（默认 8）。</translation>
    </message>
    <message>
        <source>--moment-window takes seconds between 0.5 and 3600</source>
        <translation>--moment-window 取 0.5 到 3600 之间的秒数</translation>
    </message>
    <message>
        <source>--moment-window goes with --moments</source>
        <translation>--moment-window 需与 --moments 一起使用</translation>
    </message>
    <message>
        <source>moments: %1 in %2 videos, %3 MB of the index</source>
        <translation>片段：%2 个视频中共 %1 个，占索引 %3 MB</translation>
    </message>
    <message>
        <source>%1 embeddings, %2 a second</source>
        <translation>%1 个嵌入，每秒 %2 个</translation>
    </message>
    <message>
        <source>%1/%2  %3 files/s, %4 embeddings/s  </source>
        <translation>%1/%2  %3 个文件/秒，%4 个嵌入/秒  </translation>
    </message>
</context>
<context>
    <name>IndexJob</name>
    <message numerus="yes">
        <source>%1 is %2, but the index holds %n file(s) in it: is the disk or share mounted? Nothing was dropped. Mount it (or name where it is with --root-name), or remove its entries on purpose.</source>
        <translation>
            <numerusform>%1 %2，但索引中有其中的 %n 个文件：磁盘或共享是否已挂载？没有删除任何内容。请挂载它（或用 --root-name 指明其位置），或有意删除其条目。</numerusform>
        </translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>为空</translation>
    </message>
</context>
<context>
    <name>IndexLocation</name>
    <message>
        <source>%1 on the local server</source>
        <translation>本地服务器上的 %1</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2 上的 %1</translation>
    </message>
    <message>
        <source>No index was chosen.</source>
        <translation>未选择索引。</translation>
    </message>
    <message>
        <source>%1 cannot be found: its folder is missing.</source>
        <translation>找不到 %1：其所在文件夹不存在。</translation>
    </message>
</context>
<context>
    <name>InfoCommand</name>
    <message>
        <source>Show versions, devices, threads and the licences of the components.</source>
        <translation>显示版本、设备、线程数以及各组件的许可证。</translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation>输出一个 JSON 对象。</translation>
    </message>
</context>
<context>
    <name>InspectCommand</name>
    <message>
        <source>Describe a checkpoint (.pth or .safetensors) without loading it: format, top-level entries, model weights by group and dtype, and what loading ignores and why. Nothing in the file is run.</source>
        <translation>不加载即描述检查点（.pth 或 .safetensors）：格式、顶层条目、按分组和数据类型列出的模型权重，以及加载时忽略的内容及原因。不会运行文件中的任何内容。</translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation>输出一个 JSON 对象。</translation>
    </message>
    <message>
        <source>Also list every model weight with its shape and dtype.</source>
        <translation>同时列出每个模型权重及其形状和数据类型。</translation>
    </message>
    <message>
        <source>The checkpoint.</source>
        <translation>检查点。</translation>
    </message>
    <message>
        <source>give exactly one checkpoint file</source>
        <translation>请给出且仅给出一个检查点文件</translation>
    </message>
    <message>
        <source>%1: %2 checkpoint, %3</source>
        <translation>%1：%2 检查点，%3</translation>
    </message>
    <message>
        <source>Top-level entries:</source>
        <translation>顶层条目：</translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s) at the top level (a bare state dict)</source>
        <translation>
            <numerusform>顶层有 %n 个张量（裸 state dict）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s), %1</source>
        <translation>
            <numerusform>%n 个张量，%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Model weights (from %1): %n tensor(s), %2</source>
        <translation>
            <numerusform>模型权重（来自 %1）：%n 个张量，%2</numerusform>
        </translation>
    </message>
    <message>
        <source>the top level</source>
        <translation>顶层</translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s) share storage with another (tied weights)</source>
        <translation>
            <numerusform>%n 个张量与其他张量共享存储（绑定权重）</numerusform>
        </translation>
    </message>
    <message>
        <source>Key groups:</source>
        <translation>键分组：</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) lost a DDP &apos;module.&apos; prefix.</source>
        <translation>
            <numerusform>%n 个键去掉了 DDP 的 &apos;module.&apos; 前缀。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pretrain key(s) renamed as the official loader does.</source>
        <translation>
            <numerusform>%n 个预训练键已按官方加载器的方式重命名。</numerusform>
        </translation>
    </message>
    <message>
        <source>Ignored when loading:</source>
        <translation>加载时忽略：</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Inferred configuration (from shapes; head counts, fusion layers that run and stride_layer are the official defaults):</source>
        <translation>推断出的配置（根据张量形状；注意力头数、实际运行的融合层数和 stride_layer 取官方默认值）：</translation>
    </message>
    <message>
        <source>No configuration can be inferred: %1</source>
        <translation>无法推断配置：%1</translation>
    </message>
    <message>
        <source>Keys:</source>
        <translation>键：</translation>
    </message>
</context>
<context>
    <name>MediaBench</name>
    <message>
        <source>ffmpeg did not finish</source>
        <translation>ffmpeg 未能结束</translation>
    </message>
    <message>
        <source>ffmpeg failed: %1</source>
        <translation>ffmpeg 失败：%1</translation>
    </message>
    <message>
        <source>the key frame interval must be within 0..60 s</source>
        <translation>关键帧间隔必须在 0 到 60 秒之间</translation>
    </message>
    <message>
        <source>generating the benchmark video needs the ffmpeg command-line tool</source>
        <translation>生成基准测试视频需要 ffmpeg 命令行工具</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>frames and repeat must be positive</source>
        <translation>帧数和重复次数必须为正数</translation>
    </message>
</context>
<context>
    <name>MediaFrames</name>
    <message>
        <source>no media file given</source>
        <translation>未给出媒体文件</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 不存在</translation>
    </message>
    <message>
        <source>%1 is not a file</source>
        <translation>%1 不是文件</translation>
    </message>
</context>
<context>
    <name>MediaSource</name>
    <message>
        <source>%1: no such file</source>
        <translation>%1：文件不存在</translation>
    </message>
    <message>
        <source>%1: no frame at %2 s</source>
        <translation>%1：在 %2 秒处没有帧</translation>
    </message>
    <message>
        <source>%1: no frame %2</source>
        <translation>%1：没有第 %2 帧</translation>
    </message>
    <message>
        <source>%1 is too large to open: %2</source>
        <translation>%1 太大，无法打开：%2</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a picture or a video this program can read: %2</source>
        <translation>%1 不是本程序能读取的图片或视频：%2</translation>
    </message>
</context>
<context>
    <name>MemoryCheck</name>
    <message numerus="yes">
        <source>%n frame(s) (%1)</source>
        <translation>
            <numerusform>%n 帧（%1）</numerusform>
        </translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>本机</translation>
    </message>
    <message numerus="yes">
        <source>%1 needs about %2 in %3 (weights %4, %5 of working memory for %n frame(s)), but %6 is free on %7.</source>
        <translation>
            <numerusform>%1 以 %3 运行约需 %2（权重 %4，%n 帧的工作内存 %5），但 %7 上只有 %6 可用。</numerusform>
        </translation>
    </message>
    <message>
        <source>Close other programs, or use a smaller model.</source>
        <translation>请关闭其他程序，或使用更小的模型。</translation>
    </message>
    <message>
        <source>It would fit with %1.</source>
        <translation>改用 %1 即可容纳。</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
</context>
<context>
    <name>ModelBundle</name>
    <message>
        <source>&quot;tasks&quot; must be a list of task names</source>
        <translation>&quot;tasks&quot; 必须是任务名称列表</translation>
    </message>
    <message>
        <source>&quot;tasks&quot; may hold &quot;caption&quot; and &quot;qa&quot; only</source>
        <translation>&quot;tasks&quot; 只能包含 &quot;caption&quot; 和 &quot;qa&quot;</translation>
    </message>
    <message>
        <source>&quot;clip_tokenizer.kind&quot; must be clip or sentencepiece (got &quot;%1&quot;)</source>
        <translation>&quot;clip_tokenizer.kind&quot; 必须是 clip 或 sentencepiece（实际为 &quot;%1&quot;）</translation>
    </message>
    <message>
        <source>give either &quot;clip_bpe&quot; or &quot;clip_tokenizer&quot;, not both</source>
        <translation>请只给出 &quot;clip_bpe&quot; 或 &quot;clip_tokenizer&quot; 之一，不要同时给出</translation>
    </message>
    <message>
        <source>CLIP text tokenizer file</source>
        <translation>CLIP 文本分词器文件</translation>
    </message>
    <message>
        <source>the manifest has no &quot;%1&quot;</source>
        <translation>清单中缺少“%1”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a string</source>
        <translation>“%1”必须是字符串</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is longer than 4096 characters</source>
        <translation>“%1”超过 4096 个字符</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a whole number from %2 to %3</source>
        <translation>“%1”必须是 %2 到 %3 之间的整数</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an object</source>
        <translation>“%1”必须是对象</translation>
    </message>
    <message>
        <source>&quot;generation.%1&quot; must be an object</source>
        <translation>“generation.%1”必须是对象</translation>
    </message>
    <message>
        <source>&quot;generation.%1&quot;: min_length %2 is larger than max_length %3</source>
        <translation>“generation.%1”：min_length %2 大于 max_length %3</translation>
    </message>
    <message>
        <source>the %1 %2 does not exist</source>
        <translation>%1 %2 不存在</translation>
    </message>
    <message>
        <source>the %1 %2 is not a file</source>
        <translation>%1 %2 不是文件</translation>
    </message>
    <message>
        <source>the %1 %2 cannot be read (permissions)</source>
        <translation>%1 %2 无法读取（权限不足）</translation>
    </message>
    <message>
        <source>unknown model kind &quot;%1&quot; (expected caption, qa or pretrain)</source>
        <translation>未知模型类型“%1”（应为 caption、qa 或 pretrain）</translation>
    </message>
    <message>
        <source>unsupported manifest schema &quot;%1&quot; (this version reads %2)</source>
        <translation>不支持的清单格式“%1”（此版本读取 %2）</translation>
    </message>
    <message>
        <source>&quot;id&quot; must be 1-100 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (got &quot;%1&quot;)</source>
        <translation>“id”必须由 1 到 100 个小写字母、数字、&apos;.&apos;、&apos;_&apos; 或 &apos;-&apos; 组成（实际为“%1”）</translation>
    </message>
    <message>
        <source>the manifest has no &quot;tokenizer&quot;</source>
        <translation>清单中缺少“tokenizer”</translation>
    </message>
    <message>
        <source>&quot;tokenizer.kind&quot; must be wordpiece or sentencepiece (got &quot;%1&quot;)</source>
        <translation>“tokenizer.kind”必须是 wordpiece 或 sentencepiece（实际为“%1”）</translation>
    </message>
    <message>
        <source>no model bundle at %1 (expected a folder with %2 or a .json manifest)</source>
        <translation>%1 处没有模型包（应为包含 %2 的文件夹或 .json 清单文件）</translation>
    </message>
    <message>
        <source>the manifest %1 is larger than 1 MiB: not a model bundle manifest</source>
        <translation>清单 %1 大于 1 MiB：不是模型包清单</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a JSON object: %2</source>
        <translation>%1 不是 JSON 对象：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>model bundle %1: %2</source>
        <translation>模型包 %1：%2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>checkpoint</source>
        <translation>检查点文件</translation>
    </message>
    <message>
        <source>vocabulary</source>
        <translation>词表文件</translation>
    </message>
    <message>
        <source>%1 is larger than 1 MiB: not a model configuration</source>
        <translation>%1 大于 1 MiB：不是模型配置</translation>
    </message>
    <message>
        <source>the checkpoint %1 does not exist</source>
        <translation>检查点 %1 不存在</translation>
    </message>
    <message>
        <source>no vocabulary given and none is installed: pass --vocab FILE</source>
        <translation>未提供词表且未安装内置词表：请传入 --vocab 文件</translation>
    </message>
    <message>
        <source>&quot;image_res&quot; must be 0 (the checkpoint&apos;s own) or from 16 to 1024</source>
        <translation>“image_res”必须为 0（使用检查点自身的分辨率）或 16 到 1024 之间</translation>
    </message>
    <message>
        <source>&quot;config.%1.%2&quot; must be a number, a string, a list or true/false</source>
        <translation>“config.%1.%2”必须是数字、字符串、列表或 true/false</translation>
    </message>
    <message>
        <source>cannot copy the vocabulary to %1</source>
        <translation>无法将词表复制到 %1</translation>
    </message>
    <message>
        <source>captioning</source>
        <translation>生成描述</translation>
    </message>
    <message>
        <source>question answering</source>
        <translation>问答</translation>
    </message>
    <message>
        <source>pre-trained (retrieval)</source>
        <translation>预训练（检索）</translation>
    </message>
</context>
<context>
    <name>ModelDownload</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>a partial file from another source was discarded</source>
        <translation>已丢弃来自其他来源的部分文件</translation>
    </message>
    <message>
        <source>not enough free space in %1: %2 needed, %3 free</source>
        <translation>%1 空间不足：需要 %2，可用 %3</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1 sent a web page (Content-Type %2), not the model file: the link may have changed or need a login</source>
        <translation>%1 返回的是网页（Content-Type %2），而不是模型文件：链接可能已变更或需要登录</translation>
    </message>
    <message>
        <source>the server resumed at another byte than asked; starting over</source>
        <translation>服务器从非请求的字节处续传；重新开始下载</translation>
    </message>
    <message>
        <source>the server does not resume downloads (or the file changed there): starting over from the first byte</source>
        <translation>服务器不支持续传（或其上的文件已更改）：从第一个字节重新开始</translation>
    </message>
    <message>
        <source>%1 has %2 bytes, but the model has %3: refusing a file that is not the one expected</source>
        <translation>%1 有 %2 字节，但该模型应为 %3 字节：拒绝接收非预期的文件</translation>
    </message>
    <message>
        <source>%1 sent something that is not a checkpoint (it starts with &quot;%2&quot;): the link may have changed or need a login</source>
        <translation>%1 返回的内容不是检查点（以“%2”开头）：链接可能已变更或需要登录</translation>
    </message>
    <message>
        <source>cancelled at %1 of %2; starting again resumes</source>
        <translation>已在 %1 / %2 处取消；再次开始即可续传</translation>
    </message>
    <message>
        <source>an unknown size</source>
        <translation>未知大小</translation>
    </message>
    <message>
        <source>the server sent %1 bytes, more than the %2 it announced</source>
        <translation>服务器发送了 %1 字节，多于其声明的 %2 字节</translation>
    </message>
    <message>
        <source>https to %1 failed (%2); using http</source>
        <translation>到 %1 的 https 连接失败（%2）；改用 http</translation>
    </message>
    <message>
        <source>the server has nothing past byte %1, although it announced %2 bytes: its size is wrong, so the file cannot be trusted; the partial file is kept</source>
        <translation>服务器在第 %1 字节之后没有数据，但它声明了 %2 字节：其大小有误，文件不可信；已保留部分文件</translation>
    </message>
    <message>
        <source>the server answered %1 %2</source>
        <translation>服务器返回 %1 %2</translation>
    </message>
    <message>
        <source>cannot download %1: %2</source>
        <translation>无法下载 %1：%2</translation>
    </message>
    <message>
        <source>the connection ended after %1 of %2</source>
        <translation>连接在 %1 / %2 后中断</translation>
    </message>
    <message>
        <source>%1, at %2</source>
        <translation>%1，位于 %2</translation>
    </message>
    <message>
        <source>%1; resuming</source>
        <translation>%1；正在续传</translation>
    </message>
    <message>
        <source>cancelled at %1; starting again resumes</source>
        <translation>已在 %1 处取消；再次开始即可续传</translation>
    </message>
    <message>
        <source>cannot download %1: %2; the %3 received are kept, and starting again resumes</source>
        <translation>无法下载 %1：%2；已保留收到的 %3，再次开始即可续传</translation>
    </message>
    <message>
        <source>the download stopped at %1 of %2 bytes; starting again resumes</source>
        <translation>下载停在 %1 / %2 字节；再次开始即可续传</translation>
    </message>
    <message>
        <source>the file has %1 bytes, not the %2 expected: it was deleted</source>
        <translation>文件有 %1 字节，而不是预期的 %2 字节：已删除</translation>
    </message>
    <message numerus="yes">
        <source>the server sent %n byte(s), which is not a checkpoint</source>
        <translation>
            <numerusform>服务器只发送了 %n 字节，这不是检查点</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot read %1</source>
        <translation>无法读取 %1</translation>
    </message>
    <message>
        <source>the file&apos;s sha256 is %1, not the %2 expected: it was deleted</source>
        <translation>文件的 sha256 为 %1，而不是预期的 %2：已删除</translation>
    </message>
    <message>
        <source>cannot rename %1 to %2</source>
        <translation>无法将 %1 重命名为 %2</translation>
    </message>
    <message>
        <source>%1 is already downloaded: checking it</source>
        <translation>%1 已下载：正在检查</translation>
    </message>
</context>
<context>
    <name>ModelOptions</name>
    <message>
        <source>--%1 must be a whole number from %2 to %3 (got &quot;%4&quot;)</source>
        <translation>--%1 必须是 %2 到 %3 之间的整数（实际为“%4”）</translation>
    </message>
    <message>
        <source>--%1 must be a number from %2 to %3 (got &quot;%4&quot;)</source>
        <translation>--%1 必须是 %2 到 %3 之间的数（实际为“%4”）</translation>
    </message>
    <message>
        <source>Model bundle: a folder, a manifest or a registered id (default: the installed default model).</source>
        <translation>模型包：文件夹、清单文件或已注册的 ID（默认使用已安装的默认模型）。</translation>
    </message>
    <message>
        <source>bundle</source>
        <translation>模型包</translation>
    </message>
    <message>
        <source>Run a checkpoint (.pth or .safetensors) without a bundle.</source>
        <translation>不使用模型包，直接运行检查点（.pth 或 .safetensors）。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Vocabulary of --checkpoint (default: the bundled BERT vocabulary).</source>
        <translation>--checkpoint 的词表（默认使用内置 BERT 词表）。</translation>
    </message>
    <message>
        <source>Tokenizer of --vocab: wordpiece or sentencepiece.</source>
        <translation>--vocab 的分词器：wordpiece 或 sentencepiece。</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Task the checkpoint was trained for: caption, qa or pretrain.</source>
        <translation>检查点所训练的任务：caption、qa 或 pretrain。</translation>
    </message>
    <message>
        <source>Official config_bert.json of --checkpoint (head counts).</source>
        <translation>--checkpoint 的官方 config_bert.json（注意力头数）。</translation>
    </message>
    <message>
        <source>Official model config of --checkpoint as JSON (image_res, frames, prompt).</source>
        <translation>--checkpoint 的官方模型配置，JSON 格式（image_res、帧数、提示词）。</translation>
    </message>
    <message>
        <source>CLIP BPE vocabulary (bpe_simple_vocab_16e6.txt.gz) for CLIP-space text.</source>
        <translation>CLIP BPE 词表（bpe_simple_vocab_16e6.txt.gz），用于 CLIP 空间的文本。</translation>
    </message>
    <message>
        <source>auto, cpu, cuda or cuda:N (default: auto).</source>
        <translation>auto、cpu、cuda 或 cuda:N（默认 auto）。</translation>
    </message>
    <message>
        <source>device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>auto, fp32, fp16 or bf16 (default: auto).</source>
        <translation>auto、fp32、fp16 或 bf16（默认 auto）。</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>Frames sampled per video (default: the model&apos;s).</source>
        <translation>每个视频采样的帧数（默认使用模型设定）。</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Beam size (default: the model&apos;s).</source>
        <translation>束搜索宽度（默认使用模型设定）。</translation>
    </message>
    <message>
        <source>Fewest tokens to generate (default: the model&apos;s).</source>
        <translation>最少生成的词元数（默认使用模型设定）。</translation>
    </message>
    <message>
        <source>Most tokens to generate (default: the model&apos;s).</source>
        <translation>最多生成的词元数（默认使用模型设定）。</translation>
    </message>
    <message>
        <source>How many alternatives to report (n-best, default 1).</source>
        <translation>输出多少个备选结果（n-best，默认 1）。</translation>
    </message>
    <message>
        <source>beam (official), greedy or sample.</source>
        <translation>beam（官方）、greedy 或 sample。</translation>
    </message>
    <message>
        <source>method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Sampling temperature (default 1).</source>
        <translation>采样温度（默认 1）。</translation>
    </message>
    <message>
        <source>t</source>
        <translation>t</translation>
    </message>
    <message>
        <source>Sampling: keep the k likeliest tokens.</source>
        <translation>采样：只保留概率最高的 k 个词元。</translation>
    </message>
    <message>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <source>Sampling: nucleus probability mass.</source>
        <translation>采样：核采样的概率质量。</translation>
    </message>
    <message>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <source>Sampling: random seed.</source>
        <translation>采样：随机种子。</translation>
    </message>
    <message>
        <source>give either --model or --checkpoint, not both</source>
        <translation>--model 和 --checkpoint 只能二选一</translation>
    </message>
    <message>
        <source>--%1 goes with --checkpoint</source>
        <translation>--%1 需要与 --checkpoint 一起使用</translation>
    </message>
    <message>
        <source>--decoding must be beam, greedy or sample (got &quot;%1&quot;)</source>
        <translation>--decoding 必须是 beam、greedy 或 sample（实际为“%1”）</translation>
    </message>
    <message>
        <source>--min-length is larger than --max-length</source>
        <translation>--min-length 大于 --max-length</translation>
    </message>
    <message>
        <source>%1 is a pretraining checkpoint and cannot answer questions: use a question-answering checkpoint (for example mPLUG2_MSRVTT_QA.pth), or --kind qa to try it anyway</source>
        <translation>%1 是预训练检查点，不能回答问题：请使用问答检查点（例如 mPLUG2_MSRVTT_QA.pth），或加 --kind qa 强行一试</translation>
    </message>
    <message>
        <source>%1 was given as a caption checkpoint (--kind caption) and cannot answer questions: use --kind qa for a question-answering checkpoint</source>
        <translation>%1 被指定为描述检查点（--kind caption），不能回答问题：问答检查点请用 --kind qa</translation>
    </message>
    <message>
        <source>the model %1 cannot answer questions (it is a %2 model): choose a question-answering model with --model, or give its checkpoint with --checkpoint</source>
        <translation>模型 %1 不能回答问题（它是 %2 模型）：请用 --model 选择问答模型，或用 --checkpoint 指定其检查点</translation>
    </message>
</context>
<context>
    <name>ModelStore</name>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the built-in model&apos;s id: choose another --id</source>
        <translation>“%1”是内置模型的 id：请选择其他 --id</translation>
    </message>
    <message>
        <source>a model with the id &quot;%1&quot; is already installed (%2): pass --id with another id to keep both, or --replace to replace it</source>
        <translation>已安装 id 为“%1”的模型（%2）：用 --id 指定其他 id 以同时保留两者，或用 --replace 替换它</translation>
    </message>
    <message>
        <source>%1 already holds a model bundle: remove it with `mplug2 models remove %2`, or pass --replace</source>
        <translation>%1 已有一个模型包：用 `mplug2 models remove %2` 删除它，或使用 --replace</translation>
    </message>
    <message>
        <source>the downloaded file is not an mPLUG-2 checkpoint, so it was deleted: %1</source>
        <translation>下载的文件不是 mPLUG-2 检查点，已删除：%1</translation>
    </message>
    <message>
        <source>the built-in model cannot be removed</source>
        <translation>内置模型不能删除</translation>
    </message>
    <message>
        <source>no model with the id &quot;%1&quot; is installed or being downloaded</source>
        <translation>没有已安装或正在下载的 id 为“%1”的模型</translation>
    </message>
</context>
<context>
    <name>ModelsCommand</name>
    <message>
        <source>Official models (%1, licence %2):</source>
        <translation>官方模型（%1，许可证 %2）：</translation>
    </message>
    <message>
        <source>[installed]</source>
        <translation>[已安装]</translation>
    </message>
    <message>
        <source>[%1 downloaded; download again to resume]</source>
        <translation>[已下载 %1；再次下载即可续传]</translation>
    </message>
    <message>
        <source>No model catalogue: %1</source>
        <translation>没有模型目录：%1</translation>
    </message>
    <message>
        <source>Installed models:</source>
        <translation>已安装的模型：</translation>
    </message>
    <message>
        <source>no model &quot;%1&quot; in the catalogue; the catalogue has: %2</source>
        <translation>目录中没有模型“%1”；目录中有：%2</translation>
    </message>
    <message>
        <source>%1 is published by the mPLUG-2 authors under the %2 licence (%3).</source>
        <translation>%1 由 mPLUG-2 作者以 %2 许可证发布（%3）。</translation>
    </message>
    <message>
        <source>--url must be an http(s) URL or a local file: %1</source>
        <translation>--url 必须是 http(s) URL 或本地文件：%1</translation>
    </message>
    <message>
        <source>the URL %1 names no file</source>
        <translation>URL %1 未指明文件</translation>
    </message>
    <message>
        <source>%1 of %2 (%3%)</source>
        <translation>%1 / %2（%3%）</translation>
    </message>
    <message>
        <source>, %1 s left</source>
        <translation>，剩余 %1 秒</translation>
    </message>
    <message>
        <source>Downloading %1 to %2</source>
        <translation>正在下载 %1 到 %2</translation>
    </message>
    <message>
        <source> (resuming after %1)</source>
        <translation>（从 %1 之后续传）</translation>
    </message>
    <message>
        <source>Checking and importing %1…</source>
        <translation>正在检查并导入 %1…</translation>
    </message>
    <message>
        <source>deleted %1</source>
        <translation>已删除 %1</translation>
    </message>
    <message>
        <source>removed %1</source>
        <translation>已移除 %1</translation>
    </message>
    <message>
        <source>The official mPLUG-2 models: list them, download one (resuming where the last try stopped, then importing it), or remove a download.</source>
        <translation>官方 mPLUG-2 模型：列出、下载（从上次中断处续传，然后导入）或删除下载。</translation>
    </message>
    <message>
        <source>list: print JSON.</source>
        <translation>list：输出 JSON。</translation>
    </message>
    <message>
        <source>download: fetch this URL (or local file) instead of a catalogue model; needs --id.</source>
        <translation>download：获取此 URL（或本地文件）而不是目录中的模型；需要 --id。</translation>
    </message>
    <message>
        <source>download --url: the id that --model resolves.</source>
        <translation>download --url：--model 所用的 id。</translation>
    </message>
    <message>
        <source>download: the name shown to people.</source>
        <translation>download：显示给用户的名称。</translation>
    </message>
    <message>
        <source>download --url: caption (default), qa or pretrain.</source>
        <translation>download --url：caption（默认）、qa 或 pretrain。</translation>
    </message>
    <message>
        <source>download: also write an fp16 .safetensors copy (half the size) and use it.</source>
        <translation>download：另写一份 fp16 .safetensors 副本（大小减半）并使用它。</translation>
    </message>
    <message>
        <source>download: replace an installed model of the same id.</source>
        <translation>download：替换已安装的同 id 模型。</translation>
    </message>
    <message>
        <source>download: make it the default model.</source>
        <translation>download：将其设为默认模型。</translation>
    </message>
    <message>
        <source>A URL prefix or a local folder that holds the official files (default: $MPLUG2_MODEL_MIRROR).</source>
        <translation>存放官方文件的 URL 前缀或本地文件夹（默认：$MPLUG2_MODEL_MIRROR）。</translation>
    </message>
    <message>
        <source>Another catalogue file (default: the bundled one).</source>
        <translation>其他目录文件（默认：随附的目录）。</translation>
    </message>
    <message>
        <source>list, download or remove.</source>
        <translation>list、download 或 remove。</translation>
    </message>
    <message>
        <source>The model (download: a catalogue id; remove: an installed id).</source>
        <translation>模型（download：目录中的 id；remove：已安装的 id）。</translation>
    </message>
    <message>
        <source>give an action: list, download or remove</source>
        <translation>请指定操作：list、download 或 remove</translation>
    </message>
    <message>
        <source>unknown action &quot;%1&quot;: use list, download or remove</source>
        <translation>未知操作“%1”：请使用 list、download 或 remove</translation>
    </message>
    <message>
        <source>list takes no model</source>
        <translation>list 不接受模型参数</translation>
    </message>
    <message>
        <source>give either a catalogue id or --url, not both</source>
        <translation>请只指定目录 id 或 --url 之一</translation>
    </message>
    <message>
        <source>--url needs --id: the id that --model will resolve</source>
        <translation>--url 需要 --id：即 --model 将使用的 id</translation>
    </message>
    <message>
        <source>give one catalogue id (see `models list`), or --url URL --id ID</source>
        <translation>请指定一个目录 id（见 `models list`），或 --url URL --id ID</translation>
    </message>
    <message>
        <source>--kind goes with --url; a catalogue model has its kind</source>
        <translation>--kind 只与 --url 一起使用；目录中的模型已有其类型</translation>
    </message>
    <message>
        <source>--id goes with --url; a catalogue model is installed under its own id</source>
        <translation>--id 只与 --url 一起使用；目录中的模型以其自身 id 安装</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid id: use lower-case letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;</source>
        <translation>“%1”不是有效的 id：请使用小写字母、数字、“.”、“_”和“-”</translation>
    </message>
    <message>
        <source>give the id of the model to remove</source>
        <translation>请指定要删除的模型 id</translation>
    </message>
</context>
<context>
    <name>MomentTasks</name>
    <message>
        <source>a moment window must be between 0.5 s and one hour</source>
        <translation>片段窗口必须在 0.5 秒到一小时之间</translation>
    </message>
    <message>
        <source>the shot analysis rate must be above 0 and at most 60 frames per second</source>
        <translation>镜头分析速率必须大于 0 且不超过每秒 60 帧</translation>
    </message>
</context>
<context>
    <name>MomentsBench</name>
    <message>
        <source>making %1 (%2 shots, %3 s of 640x360 H.264)…</source>
        <translation>正在生成 %1（%2 个镜头，%3 秒 640x360 H.264）…</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>How fast a video is indexed with moments: shots found at 4 analysed frames per second and every moment embedded, in one pass, against the video&apos;s length. Without --video it makes a multi-shot 640x360 H.264 video of the demo model&apos;s world (kept in the cache folder).</source>
        <translation>带片段索引一个视频的速度：一次遍历中每秒分析 4 帧找出镜头并嵌入每个片段，与视频时长相比。未给 --video 时，会生成一个演示模型世界的多镜头 640x360 H.264 视频（保存在缓存文件夹中）。</translation>
    </message>
    <message>
        <source>The video to index.</source>
        <translation>要索引的视频。</translation>
    </message>
    <message>
        <source>Length of the generated video in minutes (default 60).</source>
        <translation>生成视频的时长（分钟，默认 60）。</translation>
    </message>
    <message>
        <source>Print the figures as one JSON object.</source>
        <translation>将数据输出为一个 JSON 对象。</translation>
    </message>
    <message>
        <source>--minutes takes 1 to 600</source>
        <translation>--minutes 取 1 到 600</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <source>%1: %2 s of video, %3 shots, %4 moments in %5 s: %6x real time</source>
        <translation>%1：%2 秒视频，%3 个镜头，%4 个片段，用时 %5 秒：%6 倍实时</translation>
    </message>
</context>
<context>
    <name>Mplug2Backend</name>
    <message>
        <source>the attention maps came out malformed</source>
        <translation>生成的注意力图格式有误</translation>
    </message>
    <message>
        <source>the decoder produced no text</source>
        <translation>解码器没有生成任何文本</translation>
    </message>
    <message>
        <source>%1 answers questions and does not caption: ask a question, or load a caption model</source>
        <translation>%1 用于回答问题，不能生成描述：请提出问题，或加载描述模型</translation>
    </message>
    <message>
        <source>%1 is not a question-answering model: load a QA model bundle to ask questions</source>
        <translation>%1 不是问答模型：要提问，请加载问答模型包</translation>
    </message>
    <message>
        <source>the question is empty</source>
        <translation>问题为空</translation>
    </message>
    <message>
        <source>cannot load the model %1</source>
        <translation>无法加载模型 %1</translation>
    </message>
    <message>
        <source>%1 is a picture: dense captions need a video</source>
        <translation>%1 是图片：密集描述需要视频</translation>
    </message>
    <message>
        <source>the caption window must be longer than 0 s</source>
        <translation>描述窗口必须长于 0 秒</translation>
    </message>
    <message>
        <source>%1 windows are too many (at most %2): choose a longer window</source>
        <translation>%1 个窗口太多（最多 %2 个）：请选择更长的窗口</translation>
    </message>
    <message>
        <source>no model is loaded: load a model bundle first</source>
        <translation>尚未加载模型：请先加载一个模型包</translation>
    </message>
    <message>
        <source>%1 ran out of memory: fewer frames, a smaller precision or the CPU may work</source>
        <translation>%1 内存不足：可以减少帧数、降低精度或改用 CPU</translation>
    </message>
    <message>
        <source>give at least %1 texts to score</source>
        <translation>请至少给出 %1 条要打分的文本</translation>
    </message>
    <message>
        <source>at most %1 texts can be scored at once</source>
        <translation>一次最多能为 %1 条文本打分</translation>
    </message>
    <message>
        <source>%1 reads a question first: give a question to classify with a question-answering model</source>
        <translation>%1 需要先读取问题：用问答模型分类时请给出问题</translation>
    </message>
    <message>
        <source>CLIP-space text needs the CLIP BPE vocabulary (bpe_simple_vocab_16e6.txt.gz): name it as clip_bpe in the model bundle or pass --clip-bpe</source>
        <translation>CLIP 空间的文本需要 CLIP BPE 词表（bpe_simple_vocab_16e6.txt.gz）：请在模型包中以 clip_bpe 指定，或传入 --clip-bpe</translation>
    </message>
    <message>
        <source>faithfulness needs the text&apos;s token ids, [CLS] first</source>
        <translation>忠实度需要文本的词元 id，且以 [CLS] 开头</translation>
    </message>
    <message>
        <source>the text has no token %1 (it has %2)</source>
        <translation>文本没有第 %1 个词元（共 %2 个）</translation>
    </message>
    <message>
        <source>the map has %1 values, the medium %2 patches: was it made with other frames?</source>
        <translation>热力图有 %1 个值，而媒体有 %2 个图块：它是否由其他帧生成？</translation>
    </message>
</context>
<context>
    <name>ParityCommand</name>
    <message>
        <source>Runs every case of a fixture folder (cases.json: model stages, tokenizers, frame sampling and pixel transforms) against the official outputs. Exits 0 only when every case passes.</source>
        <translation>将夹具文件夹中的每个用例（cases.json：模型各阶段、分词器、帧采样和像素变换）与官方输出逐一比较。仅当所有用例都通过时退出码为 0。</translation>
    </message>
    <message>
        <source>The fixture folder (holds cases.json).</source>
        <translation>夹具文件夹（包含 cases.json）。</translation>
    </message>
    <message>
        <source>cpu (default), cuda or cuda:N.</source>
        <translation>cpu（默认）、cuda 或 cuda:N。</translation>
    </message>
    <message>
        <source>fp32 (default), fp16 or bf16.</source>
        <translation>fp32（默认）、fp16 或 bf16。</translation>
    </message>
    <message>
        <source>Run only the cases whose id contains this text.</source>
        <translation>只运行 ID 包含此文本的用例。</translation>
    </message>
    <message>
        <source>give exactly one fixture folder (see --help)</source>
        <translation>请只给出一个测试数据文件夹（见 --help）</translation>
    </message>
    <message>
        <source>--precision must be fp32, fp16 or bf16</source>
        <translation>--precision 必须是 fp32、fp16 或 bf16</translation>
    </message>
</context>
<context>
    <name>PostgresCatalog</name>
    <message>
        <source>%1 is not a postgresql:// address</source>
        <translation>%1 不是 postgresql:// 地址</translation>
    </message>
    <message>
        <source>%1 is not a valid address: %2</source>
        <translation>%1 不是有效的地址：%2</translation>
    </message>
    <message>
        <source>the address holds a password, which would show in the process list, the shell&apos;s history and the list of recent indexes: remove it and put it in ~/.pgpass or PGPASSWORD</source>
        <translation>地址中含有密码，它会出现在进程列表、shell 历史和最近索引列表中：请删除它，并放入 ~/.pgpass 或 PGPASSWORD</translation>
    </message>
    <message>
        <source>%1: the database name cannot contain &apos;/&apos;</source>
        <translation>%1：数据库名不能包含 &apos;/&apos;</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a connection parameter</source>
        <translation>%1：&apos;%2&apos; 不是连接参数</translation>
    </message>
    <message>
        <source>%1: the value of &apos;%2&apos; cannot contain &apos;;&apos;</source>
        <translation>%1：&apos;%2&apos; 的值不能包含 &apos;;&apos;</translation>
    </message>
    <message>
        <source>the Qt PostgreSQL driver is not installed (Debian: libqt6sql6-psql)</source>
        <translation>未安装 Qt PostgreSQL 驱动（Debian：libqt6sql6-psql）</translation>
    </message>
    <message>
        <source>cannot connect to the index %1: %2</source>
        <translation>无法连接到索引 %1：%2</translation>
    </message>
    <message>
        <source>the database of %1 has a table &apos;meta&apos; but is not an mPLUG-2 index</source>
        <translation>%1 的数据库有 &apos;meta&apos; 表，但不是 mPLUG-2 索引</translation>
    </message>
    <message>
        <source>%1 was written by another version (%2; this one reads %3): use a version that reads it, or index into a new database</source>
        <translation>%1 由其他版本写入（%2；本版本读取 %3）：请使用能读取它的版本，或索引到新的数据库</translation>
    </message>
</context>
<context>
    <name>RequestContext</name>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>ResultPrinter</name>
    <message>
        <source>%1  (template &quot;%2&quot;, scored by %3)</source>
        <translation>%1  （模板“%2”，打分方式 %3）</translation>
    </message>
</context>
<context>
    <name>RetrievalBench</name>
    <message>
        <source>Search-index benchmark: exact vs ANN query latency and ANN recall@k on synthetic embeddings; indexing throughput with --index-folder.</source>
        <translation>搜索索引基准测试：在合成嵌入上比较精确搜索与近似最近邻（ANN）的查询延迟及 ANN 的 recall@k；配合 --index-folder 测量索引吞吐量。</translation>
    </message>
    <message>
        <source>Collection sizes (default 10000,100000).</source>
        <translation>集合大小（默认 10000,100000）。</translation>
    </message>
    <message>
        <source>Embedding size (default 768, ViT-L/14).</source>
        <translation>嵌入维度（默认 768，对应 ViT-L/14）。</translation>
    </message>
    <message>
        <source>Queries per size (default 200).</source>
        <translation>每种大小的查询次数（默认 200）。</translation>
    </message>
    <message>
        <source>Results per query (default 10).</source>
        <translation>每次查询的结果数（默认 10）。</translation>
    </message>
    <message>
        <source>ANN search beam (default 400).</source>
        <translation>ANN 搜索宽度 ef（默认 400）。</translation>
    </message>
    <message>
        <source>ANN graph degree (default 16).</source>
        <translation>ANN 图的度 M（默认 16）。</translation>
    </message>
    <message>
        <source>Random seed (default 1).</source>
        <translation>随机种子（默认 1）。</translation>
    </message>
    <message>
        <source>Also index this folder into a temporary index and report files/s.</source>
        <translation>同时将此文件夹索引到临时索引中，并报告每秒处理的文件数。</translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation>输出一个 JSON 对象。</translation>
    </message>
    <message>
        <source>--dim, --queries, --k, --ef and --m take positive numbers</source>
        <translation>--dim、--queries、--k、--ef 和 --m 须为正数</translation>
    </message>
    <message>
        <source>bad size %1</source>
        <translation>无效的大小 %1</translation>
    </message>
    <message>
        <source>indexing %1: %2 files in %3 s = %4 files/s, %5 CPU s per file (model %6)</source>
        <translation>索引 %1：%2 个文件，用时 %3 秒 = 每秒 %4 个文件，每个文件 %5 CPU 秒（模型 %6）</translation>
    </message>
</context>
<context>
    <name>RootOptions</name>
    <message>
        <source>A root of a shared index and where it is on this machine (repeatable). Files are stored relative to their root, so machines that mount one archive at different paths share it. Default: each indexed folder is a root named after itself.</source>
        <translation>共享索引的一个根目录及其在本机上的位置（可重复）。文件按相对于根目录的路径存储，因此把同一存档挂载在不同路径的机器可以共享它。默认：每个被索引的文件夹都是以自身命名的根目录。</translation>
    </message>
    <message>
        <source>--root-name takes NAME=PATH, got &apos;%1&apos;</source>
        <translation>--root-name 需要 NAME=PATH，收到 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--root-name %1: / cannot be a root</source>
        <translation>--root-name %1：/ 不能作为根目录</translation>
    </message>
</context>
<context>
    <name>SampleHash</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>SearchCommand</name>
    <message>
        <source>the index %1 is empty: run &apos;mplug2 index --db %1 DIR&apos; first</source>
        <translation>索引 %1 为空：请先运行“mplug2 index --db %1 DIR”</translation>
    </message>
    <message>
        <source>Search an index made by &apos;mplug2 index&apos;: media matching a sentence (--text), media like a picture or video (--like), or a list of sentences ranked for one media file (--media with --sentences).</source>
        <translation>在“mplug2 index”建立的索引中搜索：与句子相符的媒体（--text）、与某图片或视频相似的媒体（--like），或为一个媒体文件对一组句子排序（--media 配合 --sentences）。</translation>
    </message>
    <message>
        <source>Find media similar to this file.</source>
        <translation>查找与此文件相似的媒体。</translation>
    </message>
    <message>
        <source>Rank --sentences for this file.</source>
        <translation>为此文件对 --sentences 中的句子排序。</translation>
    </message>
    <message>
        <source>File with one sentence per line.</source>
        <translation>每行一个句子的文件。</translation>
    </message>
    <message>
        <source>How many results (default 10).</source>
        <translation>结果数量（默认 10）。</translation>
    </message>
    <message>
        <source>Re-score the K best with the model (ITM head, else the decoder likelihood); default 0.</source>
        <translation>用模型对前 K 个结果重新打分（有 ITM 头时用 ITM，否则用解码器似然）；默认 0。</translation>
    </message>
    <message>
        <source>Only media inside this folder (repeatable).</source>
        <translation>只包含此文件夹中的媒体（可重复指定）。</translation>
    </message>
    <message>
        <source>Only images or only videos.</source>
        <translation>只要图片或只要视频。</translation>
    </message>
    <message>
        <source>Only media at least this long.</source>
        <translation>只包含不短于此时长的媒体。</translation>
    </message>
    <message>
        <source>Only media at most this long.</source>
        <translation>只包含不长于此时长的媒体。</translation>
    </message>
    <message>
        <source>Print one JSON object: query and results.</source>
        <translation>输出一个 JSON 对象：查询与结果。</translation>
    </message>
    <message>
        <source>give exactly one of --text, --like or --media</source>
        <translation>--text、--like、--media 三者必须且只能指定一个</translation>
    </message>
    <message>
        <source>--media and --sentences go together</source>
        <translation>--media 与 --sentences 必须同时使用</translation>
    </message>
    <message>
        <source>--db FILE is required</source>
        <translation>必须指定 --db FILE</translation>
    </message>
    <message>
        <source>--top, --rerank and the durations take non-negative numbers</source>
        <translation>--top、--rerank 和时长须为非负数</translation>
    </message>
    <message>
        <source>--type is image or video</source>
        <translation>--type 只能是 image 或 video</translation>
    </message>
    <message>
        <source>there is no index %1: make one with &apos;mplug2 index&apos;</source>
        <translation>索引 %1 不存在：请用“mplug2 index”创建</translation>
    </message>
    <message>
        <source>the model this index was built with (%1) is not installed: pass it with --model</source>
        <translation>建立此索引所用的模型（%1）未安装：请用 --model 指定</translation>
    </message>
    <message>
        <source>no results</source>
        <translation>没有结果</translation>
    </message>
    <message>
        <source>the search was cancelled</source>
        <translation>搜索已取消</translation>
    </message>
    <message>
        <source>the index holds %1 embeddings of this model and the search would compute in %2: pass --precision %1%3</source>
        <translation>索引中保存的是该模型的 %1 嵌入，而搜索将以 %2 计算：请传入 --precision %1%3</translation>
    </message>
    <message>
        <source>the index holds embeddings of several models (%1): choose one with --model and --precision</source>
        <translation>索引中保存了多个模型的嵌入（%1）：请用 --model 和 --precision 选择其一</translation>
    </message>
    <message>
        <source>The index: a file, or a shared index on a PostgreSQL server (postgresql://user@host:port/database).</source>
        <translation>索引：一个文件，或 PostgreSQL 服务器上的共享索引（postgresql://user@host:port/database）。</translation>
    </message>
    <message>
        <source>Find media matching this sentence. Given several times, each is searched in turn (with --json, one JSON object per line).</source>
        <translation>查找与此句匹配的媒体。可多次给出，依次搜索（配合 --json 时每行一个 JSON 对象）。</translation>
    </message>
    <message>
        <source>Find moments (shots and windows of videos indexed with index --moments) instead of whole files; each result has its start and end in seconds. Goes with --text or --like.</source>
        <translation>查找片段（用 index --moments 索引的视频中的镜头和窗口）而不是整个文件；每个结果带有以秒计的起止时间。需与 --text 或 --like 一起使用。</translation>
    </message>
    <message>
        <source>--moments goes with --text or --like</source>
        <translation>--moments 需与 --text 或 --like 一起使用</translation>
    </message>
</context>
<context>
    <name>SqlCatalog</name>
    <message>
        <source>catalog paths must be absolute</source>
        <translation>索引中的路径必须是绝对路径</translation>
    </message>
    <message>
        <source>refusing to store an empty or non-finite embedding of %1</source>
        <translation>拒绝保存 %1 的空嵌入或含非有限值的嵌入</translation>
    </message>
    <message>
        <source>model %1 gave a %2-dimensional embedding; the index holds %3-dimensional ones</source>
        <translation>模型 %1 给出 %2 维嵌入，而索引中是 %3 维嵌入</translation>
    </message>
    <message>
        <source>the index has no embedding space %1</source>
        <translation>索引中没有嵌入空间 %1</translation>
    </message>
    <message>
        <source>the index %1 is damaged: embedding %2 has %3 bytes instead of %4</source>
        <translation>索引 %1 已损坏：嵌入 %2 有 %3 字节，应为 %4 字节</translation>
    </message>
    <message>
        <source>the index %1 is damaged: an embedding has the wrong size</source>
        <translation>索引 %1 已损坏：某个嵌入的大小不正确</translation>
    </message>
    <message>
        <source>the index %1 cannot be read or written: %2</source>
        <translation>无法读写索引 %1：%2</translation>
    </message>
    <message>
        <source>the claim on %1 lapsed before it was stored: another worker has taken it over</source>
        <translation>%1 的认领在存储前已过期：另一个工作进程已接手</translation>
    </message>
    <message>
        <source>%1 cannot be a root: name a folder below /</source>
        <translation>%1 不能作为根目录：请指定 / 之下的文件夹</translation>
    </message>
    <message>
        <source>no free name for the root %1</source>
        <translation>根目录 %1 没有可用的名称</translation>
    </message>
    <message>
        <source>refusing to store a moment of %1 without a CLIP embedding of the file&apos;s size, or with a broken time range</source>
        <translation>拒绝存储 %1 的片段：缺少与文件尺寸一致的 CLIP 嵌入，或时间范围无效</translation>
    </message>
    <message>
        <source>the index %1 is damaged: moment %2 has %3 bytes instead of %4</source>
        <translation>索引 %1 已损坏：片段 %2 有 %3 字节而不是 %4</translation>
    </message>
</context>
<context>
    <name>SqliteCatalog</name>
    <message>
        <source>no index file given</source>
        <translation>未指定索引文件</translation>
    </message>
    <message>
        <source>the Qt SQLite driver is not installed (Debian: libqt6sql6-sqlite)</source>
        <translation>未安装 Qt SQLite 驱动（Debian：libqt6sql6-sqlite）</translation>
    </message>
    <message>
        <source>%1 is not a file</source>
        <translation>%1 不是文件</translation>
    </message>
    <message>
        <source>%1 is not an mPLUG-2 index (not an SQLite database): %2</source>
        <translation>%1 不是 mPLUG-2 索引（不是 SQLite 数据库）：%2</translation>
    </message>
    <message>
        <source>%1 is an SQLite database but not an mPLUG-2 index</source>
        <translation>%1 是 SQLite 数据库，但不是 mPLUG-2 索引</translation>
    </message>
    <message>
        <source>%1 was written by another version (%2; this one reads %3): index the folders again into a new file</source>
        <translation>%1 由其他版本写入（%2；本版本读取 %3）：请将文件夹重新索引到一个新文件中</translation>
    </message>
</context>
<context>
    <name>TextListFile</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is larger than 4 MiB</source>
        <translation>%1 大于 4 MiB</translation>
    </message>
    <message>
        <source>%1: a line is longer than %2 characters</source>
        <translation>%1：有一行超过 %2 个字符</translation>
    </message>
    <message>
        <source>%1 has more than %2 entries</source>
        <translation>%1 的条目超过 %2 个</translation>
    </message>
    <message>
        <source>%1 holds no entries</source>
        <translation>%1 中没有任何条目</translation>
    </message>
</context>
<context>
    <name>TokenizeCommand</name>
    <message>
        <source>Tokenizer: wordpiece (default), sentencepiece or clip.</source>
        <translation>分词器：wordpiece（默认）、sentencepiece 或 clip。</translation>
    </message>
    <message>
        <source>Vocabulary: vocab.txt for wordpiece (default: the bundled BERT vocabulary), a .model for sentencepiece, bpe_simple_vocab_16e6.txt.gz for clip.</source>
        <translation>词表：wordpiece 用 vocab.txt（默认：内置 BERT 词表），sentencepiece 用 .model 文件，clip 用 bpe_simple_vocab_16e6.txt.gz。</translation>
    </message>
    <message>
        <source>Print one JSON object per line.</source>
        <translation>每行打印一个 JSON 对象。</translation>
    </message>
    <message>
        <source>the bundled BERT vocabulary was not found; pass --vocab FILE</source>
        <translation>未找到内置的 BERT 词表；请传入 --vocab 文件</translation>
    </message>
    <message>
        <source>--kind %1 needs --vocab FILE</source>
        <translation>--kind %1 需要 --vocab 文件</translation>
    </message>
    <message>
        <source>Print the token ids and tokens of each TEXT (or of each line of standard input), as the model receives them: the official BERT tokenizer gives [CLS] + tokens, without [SEP].</source>
        <translation>按模型接收的形式打印每个 TEXT（或标准输入的每一行）的词元 ID 和词元：官方 BERT 分词器给出 [CLS] + 词元，不含 [SEP]。</translation>
    </message>
    <message>
        <source>Keep at most N ids (special tokens included).</source>
        <translation>最多保留 N 个 ID（含特殊词元）。</translation>
    </message>
    <message>
        <source>Do not add the start (and end) tokens.</source>
        <translation>不添加起始（及结束）词元。</translation>
    </message>
    <message>
        <source>Texts to tokenize.</source>
        <translation>要分词的文本。</translation>
    </message>
    <message>
        <source>--max-length must be a positive whole number</source>
        <translation>--max-length 必须是正整数</translation>
    </message>
    <message>
        <source>Print the text of a list of token ids (separate arguments, or separated by commas or spaces), the way the official code decodes them.</source>
        <translation>按官方代码的解码方式打印一串词元 ID（分开的参数，或以逗号、空格分隔）对应的文本。</translation>
    </message>
    <message>
        <source>Leave out special tokens.</source>
        <translation>省略特殊词元。</translation>
    </message>
    <message>
        <source>Keep the spaces before punctuation (no clean-up of tokenization spaces).</source>
        <translation>保留标点前的空格（不清理分词空格）。</translation>
    </message>
    <message>
        <source>Token ids.</source>
        <translation>词元 ID。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a token id</source>
        <translation>“%1”不是词元 ID</translation>
    </message>
</context>
<context>
    <name>VectorIndex</name>
    <message>
        <source>building the search index was cancelled</source>
        <translation>构建搜索索引已取消</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>mPLUG-2 Studio command line: captions, questions, attention maps and retrieval with the mPLUG-2 model.</source>
        <translation>mPLUG-2 Studio 命令行：使用 mPLUG-2 模型进行描述生成、问答、注意力图和检索。</translation>
    </message>
    <message>
        <source>The command to run.</source>
        <translation>要运行的命令。</translation>
    </message>
    <message>
        <source>Explore the mPLUG-2 multimodal model.</source>
        <translation>探索 mPLUG-2 多模态模型。</translation>
    </message>
    <message>
        <source>Images or videos to open.</source>
        <translation>要打开的图像或视频。</translation>
    </message>
    <message>
        <source>Load the model bundle &lt;bundle&gt; (a registered id, a folder or a manifest).</source>
        <translation>加载模型包 &lt;bundle&gt;（已注册的 ID、文件夹或清单文件）。</translation>
    </message>
    <message>
        <source>Caption the first media file at start.</source>
        <translation>启动时为第一个媒体文件生成描述。</translation>
    </message>
    <message>
        <source>Ask &lt;question&gt; about the first media file at start.</source>
        <translation>启动时就第一个媒体文件提问 &lt;question&gt;。</translation>
    </message>
    <message>
        <source>Show the attention of answer token &lt;n&gt; (from 1).</source>
        <translation>显示回答中第 &lt;n&gt; 个词元的注意力（从 1 开始）。</translation>
    </message>
    <message>
        <source>Show the window, save a picture of it to &lt;file&gt; and quit (after the task, if any).</source>
        <translation>显示窗口，将其截图保存到 &lt;file&gt; 后退出（如有任务，则在任务完成后）。</translation>
    </message>
    <message>
        <source>Use the interface language &lt;language&gt; (e.g. en, zh_CN) instead of the system&apos;s.</source>
        <translation>使用界面语言 &lt;language&gt;（例如 en、zh_CN），而不是系统语言。</translation>
    </message>
    <message>
        <source>
Run &apos;mplug2 &lt;command&gt; --help&apos; for a command&apos;s options.</source>
        <translation>
运行 &apos;mplug2 &lt;命令&gt; --help&apos; 查看命令的选项。</translation>
    </message>
    <message>
        <source>Resize the window to &lt;size&gt; (e.g. 1280x800) once it is shown.</source>
        <translation>窗口显示后把它调整为 &lt;size&gt;（例如 1280x800）。</translation>
    </message>
    <message>
        <source>--size wants a size such as 1280x800, not &quot;%1&quot;</source>
        <translation>--size 需要 1280x800 这样的尺寸，而不是“%1”</translation>
    </message>
</context>
<context>
    <name>mplug2::app</name>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>媒体</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>字幕</translation>
    </message>
</context>
<context>
    <name>mplug2::app::Engine</name>
    <message>
        <source>no model is loaded: load a model bundle first</source>
        <translation>尚未加载模型：请先加载一个模型包</translation>
    </message>
    <message>
        <source>out of memory: try fewer frames or a smaller model</source>
        <translation>内存不足：请尝试减少帧数或使用更小的模型</translation>
    </message>
    <message>
        <source>internal error while running the request</source>
        <translation>执行请求时发生内部错误</translation>
    </message>
</context>
<context>
    <name>mplug2::app::IndexJob</name>
    <message>
        <source>no model is loaded: load a model before indexing</source>
        <translation>未加载模型：请先加载模型再建立索引</translation>
    </message>
    <message>
        <source>no folders to index</source>
        <translation>没有要索引的文件夹</translation>
    </message>
    <message>
        <source>could not be indexed</source>
        <translation>无法索引</translation>
    </message>
    <message>
        <source>the model was changed while indexing: run the indexing again</source>
        <translation>索引期间模型已更换：请重新建立索引</translation>
    </message>
    <message>
        <source>the model %1 does not write captions: choose a captioning model to index with captions</source>
        <translation>模型 %1 不能生成描述：要带描述建立索引，请选择描述模型</translation>
    </message>
</context>
<context>
    <name>mplug2::app::MediaSearch</name>
    <message>
        <source>no model is loaded</source>
        <translation>未加载模型</translation>
    </message>
    <message>
        <source>type something to search for</source>
        <translation>请输入要搜索的内容</translation>
    </message>
    <message>
        <source>choose a picture or video to search with</source>
        <translation>请选择一张图片或一个视频作为搜索样例</translation>
    </message>
    <message>
        <source>give at least one sentence to rank</source>
        <translation>请至少提供一个要排序的句子</translation>
    </message>
    <message>
        <source>no model is loaded: load a model first</source>
        <translation>未加载模型：请先加载模型</translation>
    </message>
    <message>
        <source>this search needs the model the index was built with (%1): load it first</source>
        <translation>此搜索需要建立索引时所用的模型（%1）：请先加载它</translation>
    </message>
    <message>
        <source>the query embedding has %1 numbers, the index %2: was it built with another model?</source>
        <translation>查询嵌入有 %1 维，而索引是 %2 维：索引是否由其他模型建立？</translation>
    </message>
    <message>
        <source>this model</source>
        <translation>此模型</translation>
    </message>
    <message>
        <source>Nothing is indexed with %1 yet: index a folder first (Index a folder… in the search panel, or mplug2 index).</source>
        <translation>还没有用 %1 建立任何索引：请先为文件夹建立索引（搜索面板中的“为文件夹建立索引…”，或 mplug2 index）。</translation>
    </message>
    <message>
        <source>%1 indexed these folders in %2 and now runs in %3: embeddings of different precisions are not compared. Load it in %2, or index the folders again.</source>
        <translation>%1 以 %2 为这些文件夹建立了索引，现在却以 %3 运行：不同精度的嵌入不会相互比较。请以 %2 加载它，或重新为这些文件夹建立索引。</translation>
    </message>
    <message>
        <source>moments are found by a text or by a picture or video, not among sentences</source>
        <translation>片段只能通过文本或图片、视频来查找，不能在句子之间查找</translation>
    </message>
    <message>
        <source>This index has no moments yet: index the folders with moments (the Moments box, or mplug2 index --moments).</source>
        <translation>此索引还没有片段：请带片段索引文件夹（勾选“片段”，或 mplug2 index --moments）。</translation>
    </message>
</context>
<context>
    <name>mplug2::ui::AboutDialog</name>
    <message>
        <source>About mPLUG-2 Studio</source>
        <translation>关于 mPLUG-2 Studio</translation>
    </message>
    <message>
        <source>A desktop tool for exploring the mPLUG-2 multimodal model (ICML 2023): captions and answers for images and videos, the model&apos;s attention on the frames, and cross-modal retrieval over your own folders.</source>
        <translation>一款用于探索 mPLUG-2 多模态模型（ICML 2023）的桌面工具：为图像和视频生成描述与回答，查看模型在各帧上的注意力，并在您自己的文件夹中进行跨模态检索。</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Licences of third-party components</source>
        <translation>第三方组件的许可证</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>许可证</translation>
    </message>
</context>
<context>
    <name>mplug2::ui::AttentionGridView</name>
    <message>
        <source>Attention on every sampled frame</source>
        <translation>每个采样帧上的注意力</translation>
    </message>
    <message>
        <source>Sampled frame %1</source>
        <translation>采样帧 %1</translation>
    </message>
</context>
<context>
    <name>mplug2::ui::AttentionPanel</name>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Run a task with attention maps on to see where the model looked.</source>
        <translation>开启注意力图并运行任务，即可查看模型关注的位置。</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>方法(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Layer:</source>
        <translation>层(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Head:</source>
        <translation>注意力头(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation>配色(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Opacity:</source>
        <translation>不透明度(&amp;O)：</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>On the &amp;player</source>
        <translation>叠加到播放器(&amp;P)</translation>
    </message>
    <message>
        <source>Also lay the map over the frame the player shows</source>
        <translation>同时把热力图叠加到播放器当前显示的帧上</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export attention</source>
        <translation>导出注意力</translation>
    </message>
    <message>
        <source>Answer tokens</source>
        <translation>回答词元</translation>
    </message>
    <message>
        <source>Latent queries (universal layer)</source>
        <translation>潜在查询（通用层）</translation>
    </message>
    <message>
        <source>Cross-attention</source>
        <translation>交叉注意力</translation>
    </message>
    <message>
        <source>Grad-CAM</source>
        <translation>Grad-CAM</translation>
    </message>
    <message>
        <source>Mean of layers</source>
        <translation>各层平均</translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <source>Mean of heads</source>
        <translation>各头平均</translation>
    </message>
    <message>
        <source>Max of heads</source>
        <translation>各头最大</translation>
    </message>
    <message>
        <source>Head %1</source>
        <translation>第 %1 个头</translation>
    </message>
    <message>
        <source>Frame %1</source>
        <translation>第 %1 帧</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>no exporter “%1” in this build</source>
        <translation>此版本中没有导出器“%1”</translation>
    </message>
    <message>
        <source>there is no attention to export yet</source>
        <translation>还没有可导出的注意力</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n file(s) to %1</source>
        <translation>
            <numerusform>已导出 %n 个文件到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message numerus="yes">
        <source>“%1”: %n token(s), %2 frames of %3 × %4 patches</source>
        <translation>
            <numerusform>“%1”：%n 个词元，%2 帧，每帧 %3 × %4 个图块</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Faithfulness</source>
        <translation>忠实度(&amp;F)</translation>
    </message>
    <message>
        <source>Grade the map shown: blur its hottest patches first and follow the word&apos;s probability</source>
        <translation>为当前热力图打分：先模糊最热的图块，并跟踪该词的概率</translation>
    </message>
    <message>
        <source>Occlusion</source>
        <translation>遮挡</translation>
    </message>
    <message>
        <source>Grading the map…</source>
        <translation>正在为热力图打分…</translation>
    </message>
    <message>
        <source>Faithfulness: deletion AUC %1 (lower is better), insertion AUC %2 (higher is better)</source>
        <translation>忠实度：删除 AUC %1（越低越好），插入 AUC %2（越高越好）</translation>
    </message>
    <message>
        <source>The word&apos;s probability as the map&apos;s hottest patches are blurred away first, or restored first into a blurred clip: a faithful map makes it fall fast and rise fast.</source>
        <translation>按热力图最热图块优先模糊，或优先恢复到模糊片段中时该词的概率：忠实的热力图会让它下降得快、上升得也快。</translation>
    </message>
    <message>
        <source>Could not grade the map: %1</source>
        <translation>无法为热力图打分：%1</translation>
    </message>
    <message>
        <source>No attention yet: run caption, ask or dense captions with attention maps on.</source>
        <translation>还没有注意力：请在打开注意力图的情况下运行描述、问答或密集描述。</translation>
    </message>
    <message>
        <source>Each window has its own attention: choose one in Results or on the timeline.</source>
        <translation>每个窗口都有自己的注意力：请在结果或时间轴上选择一个窗口。</translation>
    </message>
</context>
<context>
    <name>mplug2::ui::ColourScale</name>
    <message>
        <source>Colour scale</source>
        <translation>色标</translation>
    </message>
</context>
<context>
    <name>mplug2::ui::ErrorBanner</name>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Error details</source>
        <translation>错误详情</translation>
    </message>
</context>
<context>
    <name>mplug2::ui::FilmstripWidget</name>
    <message>
        <source>Frames the model sees</source>
        <translation>模型看到的帧</translation>
    </message>
    <message>
        <source>The frames the model sees. Click one to show it.</source>
        <translation>模型看到的帧。点击某一帧即可显示它。</translation>
    </message>
</context>
<context>
    <name>mplug2::ui::FrameView</name>
    <message>
        <source>Attention %1 at patch row %2, column %3</source>
        <translation>注意力 %1，位于图块第 %2 行第 %3 列</translation>
    </message>
</context>
<context>
    <name>mplug2::ui::GetModelsDialog</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message>
        <source>Get Models</source>
        <translation>获取模型</translation>
    </message>
    <message>
        <source>Official models</source>
        <translation>官方模型</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Published score</source>
        <translation>公布的分数</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>the official server</source>
        <translation>官方服务器</translation>
    </message>
    <message>
        <source>A URL prefix or a local folder that holds the official files, for sites without internet access</source>
        <translation>存放官方文件的 URL 前缀或本地文件夹，供无法访问互联网的环境使用</translation>
    </message>
    <message>
        <source>Also keep an &amp;fp16 copy (half the size; the model then loads from it)</source>
        <translation>同时保留 &amp;fp16 副本（大小减半；模型将从副本加载）</translation>
    </message>
    <message>
        <source>&amp;Download</source>
        <translation>下载(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Cancel Download</source>
        <translation>取消下载(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Mirror:</source>
        <translation>镜像(&amp;M)：</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>已安装</translation>
    </message>
    <message>
        <source>%1 downloaded; Download resumes</source>
        <translation>已下载 %1；点“下载”续传</translation>
    </message>
    <message>
        <source>Available, %1</source>
        <translation>可下载，%1</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可下载</translation>
    </message>
    <message>
        <source>No model catalogue: %1</source>
        <translation>没有模型目录：%1</translation>
    </message>
    <message>
        <source>The official checkpoints of the mPLUG-2 authors (&lt;a href=&quot;%1&quot;&gt;list&lt;/a&gt;), under the &lt;a href=&quot;%2&quot;&gt;%3&lt;/a&gt; licence. Each is the Large model: several GB.</source>
        <translation>mPLUG-2 作者发布的官方检查点（&lt;a href=&quot;%1&quot;&gt;列表&lt;/a&gt;），采用 &lt;a href=&quot;%2&quot;&gt;%3&lt;/a&gt; 许可证。每个都是 Large 模型：数 GB。</translation>
    </message>
    <message>
        <source>&amp;Resume Download</source>
        <translation>继续下载(&amp;R)</translation>
    </message>
    <message>
        <source>The mPLUG-2 checkpoints are published by their authors under the %1 licence (%2). Downloading one means accepting it.</source>
        <translation>mPLUG-2 检查点由其作者以 %1 许可证发布（%2）。下载即表示接受该许可证。</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Resuming after %1…</source>
        <translation>从 %1 之后续传…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>, %1/s</source>
        <translation>，%1/秒</translation>
    </message>
    <message>
        <source>, %1 left</source>
        <translation>，剩余 %1</translation>
    </message>
    <message>
        <source>Checking and importing %1…</source>
        <translation>正在检查并导入 %1…</translation>
    </message>
    <message>
        <source>%1 is installed: choose it in Model ▸ Manage Models.</source>
        <translation>%1 已安装：请在“模型 ▸ 管理模型”中选择它。</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
</context>
<context>
    <name>mplug2::ui::ImportBundleDialog</name>
    <message>
        <source>Import Checkpoint</source>
        <translation>导入检查点</translation>
    </message>
    <message>
        <source>&amp;Checkpoint:</source>
        <translation>检查点(&amp;C)：</translation>
    </message>
    <message>
        <source>Checkpoints (*.pth *.pt *.bin *.safetensors)</source>
        <translation>检查点（*.pth *.pt *.bin *.safetensors）</translation>
    </message>
    <message>
        <source>&amp;Vocabulary:</source>
        <translation>词表(&amp;V)：</translation>
    </message>
    <message>
        <source>Vocabularies (*.txt)</source>
        <translation>词表（*.txt）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Captioning</source>
        <translation>描述生成</translation>
    </message>
    <message>
        <source>Question answering</source>
        <translation>问答</translation>
    </message>
    <message>
        <source>Pre-trained</source>
        <translation>预训练</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;BERT config:</source>
        <translation>BERT 配置(&amp;B)：</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件（*.json）</translation>
    </message>
    <message>
        <source>optional: config_bert.json (head counts, stride_layer)</source>
        <translation>可选：config_bert.json（注意力头数、stride_layer）</translation>
    </message>
    <message>
        <source>&amp;Model config:</source>
        <translation>模型配置(&amp;M)：</translation>
    </message>
    <message>
        <source>optional: the task&apos;s config as JSON (frames, resolution, prompt)</source>
        <translation>可选：任务配置的 JSON（帧数、分辨率、提示词）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>optional: a name to show</source>
        <translation>可选：显示的名称</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Inspect report</source>
        <translation>检查报告</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>What the file holds (nothing in it is run):</source>
        <translation>文件包含的内容（不会执行其中任何东西）：</translation>
    </message>
    <message>
        <source>The bundle (tensor shapes fill in the rest at load):</source>
        <translation>模型包（其余部分在加载时由张量形状补全）：</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>The checkpoint could not be inspected: %1</source>
        <translation>无法检查该检查点：%1</translation>
    </message>
    <message>
        <source>the inspector stopped</source>
        <translation>检查程序意外停止</translation>
    </message>
    <message>
        <source>Cannot run %1 to inspect the checkpoint.</source>
        <translation>无法运行 %1 来检查该检查点。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Browse for %1</source>
        <translation>浏览选择%1</translation>
    </message>
    <message>
        <source>Choose a checkpoint file.</source>
        <translation>请选择一个检查点文件。</translation>
    </message>
    <message>
        <source>Inspecting %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <source>A model with the id &quot;%1&quot; is already installed: %2.</source>
        <translation>ID 为“%1”的模型已安装：%2。</translation>
    </message>
    <message>
        <source>Replace it, or keep both and give this one the id &quot;%1&quot;?</source>
        <translation>替换它，还是同时保留两者并将这个模型的 ID 设为“%1”？</translation>
    </message>
    <message>
        <source>It is the built-in model. Keep both and give this one the id &quot;%1&quot;?</source>
        <translation>那是内置模型。同时保留两者并将这个模型的 ID 设为“%1”？</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Keep Both</source>
        <translation>保留两者</translation>
    </message>
    <message>
        <source>The import was cancelled.</source>
        <translation>导入已取消。</translation>
    </message>
</context>
<context>
    <name>mplug2::ui::IndexingBar</name>
    <message>
        <source>Index a folder…</source>
        <translation>索引文件夹…</translation>
    </message>
    <message>
        <source>Update index</source>
        <translation>更新索引</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Add a folder of pictures and videos to the search index</source>
        <translation>将一个包含图片和视频的文件夹加入搜索索引</translation>
    </message>
    <message>
        <source>Index new and changed files and forget deleted ones</source>
        <translation>索引新增和修改的文件，并移除已删除的文件</translation>
    </message>
    <message>
        <source>Indexing progress</source>
        <translation>索引进度</translation>
    </message>
    <message>
        <source>An indexing job is already running.</source>
        <translation>已有索引任务正在运行。</translation>
    </message>
    <message>
        <source>Load a model first: indexing runs the model over every file.</source>
        <translation>请先加载模型：建立索引需要用模型处理每个文件。</translation>
    </message>
    <message>
        <source>Choose a folder to index.</source>
        <translation>请选择要索引的文件夹。</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Indexing failed: %1</source>
        <translation>索引失败：%1</translation>
    </message>
    <message>
        <source>%1 indexed, %2 unchanged, %3 removed, %4 could not be read</source>
        <translation>已索引 %1 个，%2 个未变化，%3 个已移除，%4 个无法读取</translation>
    </message>
    <message>
        <source>Index a folder</source>
        <translation>索引文件夹</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Looking for pictures and videos…</source>
        <translation>正在查找图片和视频…</translation>
    </message>
    <message>
        <source>Updating the search index…</source>
        <translation>正在更新搜索索引…</translation>
    </message>
    <message>
        <source>Indexing cancelled: %1 indexed so far (kept); index the folder again to go on.</source>
        <translation>索引已取消：已索引 %1 个（已保留）；再次为该文件夹建立索引即可继续。</translation>
    </message>
    <message numerus="yes">
        <source>the %n chosen folder(s)</source>
        <translation>
            <numerusform>所选的 %n 个文件夹</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 indexed now, %3 already indexed.</source>
        <translation>%1：本次索引 %2 个，之前已索引 %3 个。</translation>
    </message>
    <message>
        <source>Other indexed folders: %1 indexed, %2 unchanged, %3 removed.</source>
        <translation>其他已索引的文件夹：索引 %1 个，未变 %2 个，移除 %3 个。</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read.</source>
        <translation>
            <numerusform>%n 个文件无法读取。</numerusform>
        </translation>
    </message>
    <message>
        <source>Indexing cancelled.</source>
        <translation>索引已取消。</translation>
    </message>
    <message>
        <source>An indexing job is running: cancel it or let it end before opening another index.</source>
        <translation>正在运行索引任务：请先取消或等待其结束，再打开其他索引。</translation>
    </message>
    <message>
        <source>Cannot open the index: %1</source>
        <translation>无法打开索引：%1</translation>
    </message>
    <message>
        <source>Reading the index…</source>
        <translation>正在读取索引…</translation>
    </message>
    <message>
        <source>Moments</source>
        <translation>片段</translation>
    </message>
    <message>
        <source>Also find the shots of every video and index each moment (a shot, long shots cut into windows of up to %1 s), so that a search can land on it.
Moments multiply the vectors and the index&apos;s size.</source>
        <translation>同时找出每个视频的镜头并索引每个片段（一个镜头；长镜头切成最长 %1 秒的窗口），使搜索能定位到它。
片段会成倍增加向量数量和索引大小。</translation>
    </message>
    <message numerus="yes">
        <source>Moments: %1 in %n video(s), %2 in the index.</source>
        <translation>
            <numerusform>片段：%n 个视频中共 %1 个，占索引 %2。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 files/s, %2 embeddings/s — %3</source>
        <translation>%1 个文件/秒，%2 个嵌入/秒 — %3</translation>
    </message>
</context>
<context>
    <name>mplug2::ui::JobStatusWidget</name>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消（Esc）</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message numerus="yes">
        <source>%n more request(s) waiting</source>
        <translation>
            <numerusform>还有 %n 个请求在等待</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mplug2::ui::LatentOverview</name>
    <message>
        <source>Latent queries by sampled frame</source>
        <translation>各采样帧上的潜在查询</translation>
    </message>
    <message>
        <source>Rows: the universal layer&apos;s latent queries; columns: sampled frames. Click a row to show that latent.</source>
        <translation>行：通用层的潜在查询；列：采样帧。点击一行即可显示该潜在查询。</translation>
    </message>
    <message>
        <source>Latent %1, sampled frame %2: %3 of its attention</source>
        <translation>潜在查询 %1，采样帧 %2：占其注意力的 %3</translation>
    </message>
</context>
<context>
    <name>mplug2::ui::MainWindow</name>
    <message>
        <source>mPLUG-2 Studio</source>
        <translation>mPLUG-2 Studio</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open Files…</source>
        <translation>打开文件(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>打开文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About mPLUG-2 Studio</source>
        <translation>关于 mPLUG-2 Studio(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>未找到：%1</translation>
    </message>
    <message>
        <source>Images and videos (%1)</source>
        <translation>图像和视频 (%1)</translation>
    </message>
    <message>
        <source>Open Images or Videos</source>
        <translation>打开图像或视频</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>媒体</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>&amp;Export Result…</source>
        <translation>导出结果(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Copy Answer</source>
        <translation>复制回答(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Task</source>
        <translation>任务(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Ask a Question</source>
        <translation>提问(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Play / Pause</source>
        <translation>播放/暂停(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next Frame</source>
        <translation>下一帧(&amp;N)</translation>
    </message>
    <message>
        <source>P&amp;revious Frame</source>
        <translation>上一帧(&amp;R)</translation>
    </message>
    <message>
        <source>Next &amp;Media</source>
        <translation>下一个媒体(&amp;M)</translation>
    </message>
    <message>
        <source>Previous M&amp;edia</source>
        <translation>上一个媒体(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Manage Models…</source>
        <translation>管理模型(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Unload Model</source>
        <translation>卸载模型(&amp;U)</translation>
    </message>
    <message>
        <source>Done in %1 s</source>
        <translation>完成，用时 %1 秒</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Model unloaded</source>
        <translation>模型已卸载</translation>
    </message>
    <message>
        <source>No model is installed yet.</source>
        <translation>尚未安装任何模型。</translation>
    </message>
    <message>
        <source>Manage Models…</source>
        <translation>管理模型…</translation>
    </message>
    <message>
        <source>Load a model first.</source>
        <translation>请先加载模型。</translation>
    </message>
    <message>
        <source>Load on CPU</source>
        <translation>在 CPU 上加载</translation>
    </message>
    <message>
        <source>Loaded %1 in %2 s</source>
        <translation>已加载 %1，用时 %2 秒</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>未加载模型</translation>
    </message>
    <message>
        <source>%1 — mPLUG-2 Studio</source>
        <translation>%1 — mPLUG-2 Studio</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Opening %1… (Esc cancels)</source>
        <translation>正在打开 %1…（按 Esc 取消）</translation>
    </message>
    <message numerus="yes">
        <source>Opening the folder: %n media file(s) found… (Esc cancels)</source>
        <translation>
            <numerusform>正在打开文件夹：已找到 %n 个媒体文件…（按 Esc 取消）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n media file(s) found</source>
        <translation>
            <numerusform>找到 %n 个媒体文件</numerusform>
        </translation>
    </message>
    <message>
        <source>Opening the folder was cancelled</source>
        <translation>打开文件夹已取消</translation>
    </message>
    <message>
        <source>Loading the model was cancelled</source>
        <translation>加载模型已取消</translation>
    </message>
    <message>
        <source>the built-in model. Choose another default in Model ▸ Manage Models, or with mplug2 import --default</source>
        <translation>内置模型。可在“模型 ▸ 管理模型”中，或用 mplug2 import --default 选择其他默认模型</translation>
    </message>
    <message>
        <source>the default model, shared with the mplug2 command line</source>
        <translation>默认模型，与 mplug2 命令行共用</translation>
    </message>
    <message>
        <source>the default model &quot;%1&quot; is not available</source>
        <translation>默认模型“%1”不可用</translation>
    </message>
    <message>
        <source>Loading %1: %2</source>
        <translation>正在加载 %1：%2</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>&amp;Get Models…</source>
        <translation>获取模型(&amp;G)…</translation>
    </message>
    <message>
        <source>Download the official mPLUG-2 models</source>
        <translation>下载官方 mPLUG-2 模型</translation>
    </message>
    <message>
        <source>Load in %1</source>
        <translation>以 %1 加载</translation>
    </message>
    <message>
        <source>Open &amp;Index…</source>
        <translation>打开索引(&amp;I)…</translation>
    </message>
    <message>
        <source>Search another index: a file, or one shared on a PostgreSQL server</source>
        <translation>搜索其他索引：一个文件，或 PostgreSQL 服务器上的共享索引</translation>
    </message>
    <message>
        <source>An indexing job is running: cancel it or let it end before opening another index.</source>
        <translation>正在运行索引任务：请先取消或等待其结束，再打开其他索引。</translation>
    </message>
    <message>
        <source>Searching the index %1</source>
        <translation>正在搜索索引 %1</translation>
    </message>
    <message>
        <source>The index %1 cannot be opened: the search uses the default index for now.</source>
        <translation>无法打开索引 %1：搜索暂时使用默认索引。</translation>
    </message>
    <message>
        <source>Open Index…</source>
        <translation>打开索引…</translation>
    </message>
    <message>
        <source>Cannot open the index %1</source>
        <translation>无法打开索引 %1</translation>
    </message>
    <message>
        <source>Next &amp;Match</source>
        <translation>下一个匹配(&amp;M)</translation>
    </message>
    <message>
        <source>The next moment of the search in this video</source>
        <translation>此视频中搜索结果的下一个片段</translation>
    </message>
    <message>
        <source>Cancelled: %1 of %2 windows kept</source>
        <translation>已取消：保留了 %2 个窗口中的 %1 个</translation>
    </message>
</context>
<context>
    <name>mplug2::ui::MediaPanel</name>
    <message>
        <source>Media</source>
        <translation>媒体</translation>
    </message>
    <message>
        <source>Media files</source>
        <translation>媒体文件</translation>
    </message>
    <message>
        <source>Drop pictures or videos here, or open them with the buttons above.</source>
        <translation>将图片或视频拖放到这里，或用上方按钮打开。</translation>
    </message>
    <message>
        <source>Open files</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Remove from the list</source>
        <translation>从列表中移除</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 fps</source>
        <translation>%1 · %2 · %3 帧/秒</translation>
    </message>
    <message>
        <source>picture · %1</source>
        <translation>图片 · %1</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>无法读取</translation>
    </message>
</context>
<context>
    <name>mplug2::ui::MediaViewer</name>
    <message>
        <source>Viewer</source>
        <translation>查看器</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>帧</translation>
    </message>
    <message>
        <source>Open images or videos (File ▸ Open) or drop them here.</source>
        <translation>打开图片或视频（文件 ▸ 打开），或将它们拖放到这里。</translation>
    </message>
    <message>
        <source>Previous frame</source>
        <translation>上一帧</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Next frame</source>
        <translation>下一帧</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Attention of sampled frame %1 of %2 (%3)</source>
        <translation>采样帧 %1/%2 的注意力（%3）</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>下一个匹配</translation>
    </message>
    <message>
        <source>Next match of the search in this video (this is %1 of %2: %3–%4)</source>
        <translation>此视频中搜索结果的下一个匹配（当前为第 %1 个，共 %2 个：%3–%4）</translation>
    </message>
</context>
<context>
    <name>mplug2::ui::ModelManagerDialog</name>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Model bundles</source>
        <translation>模型包</translation>
    </message>
    <message>
        <source>Model details</source>
        <translation>模型详情</translation>
    </message>
    <message>
        <source>&amp;Add Bundle…</source>
        <translation>添加模型包(&amp;A)…</translation>
    </message>
    <message>
        <source>Register a model bundle folder or manifest.json</source>
        <translation>注册一个模型包文件夹或 manifest.json</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Load at &amp;Start</source>
        <translation>启动时加载(&amp;S)</translation>
    </message>
    <message>
        <source>Load this model when the app starts</source>
        <translation>应用启动时加载此模型</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>加载(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Unload</source>
        <translation>卸载(&amp;U)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>设备(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Precision:</source>
        <translation>精度(&amp;P)：</translation>
    </message>
    <message>
        <source>Loaded:</source>
        <translation>已加载：</translation>
    </message>
    <message>
        <source>%1 (cannot be read)</source>
        <translation>%1（无法读取）</translation>
    </message>
    <message>
        <source>built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>loads at start</source>
        <translation>启动时加载</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>名称：%1</translation>
    </message>
    <message>
        <source>Id: %1</source>
        <translation>ID：%1</translation>
    </message>
    <message>
        <source>Kind: %1</source>
        <translation>类型：%1</translation>
    </message>
    <message>
        <source>Checkpoint: %1</source>
        <translation>检查点：%1</translation>
    </message>
    <message>
        <source>Vocabulary: %1 (%2)</source>
        <translation>词表：%1（%2）</translation>
    </message>
    <message>
        <source>CLIP BPE: %1</source>
        <translation>CLIP BPE：%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Prompt: “%1”</source>
        <translation>提示词：“%1”</translation>
    </message>
    <message>
        <source>Frames: %1 at %2 × %2 px</source>
        <translation>帧数：%1，分辨率 %2 × %2 像素</translation>
    </message>
    <message>
        <source>Generation: beam %1, length %2 to %3</source>
        <translation>生成：束宽 %1，长度 %2 到 %3</translation>
    </message>
    <message>
        <source>Licence: %1</source>
        <translation>许可证：%1</translation>
    </message>
    <message>
        <source>Config overrides:</source>
        <translation>配置覆盖：</translation>
    </message>
    <message>
        <source>Inferred config (loaded):</source>
        <translation>推断出的配置（已加载）：</translation>
    </message>
    <message>
        <source>The full config is inferred from the checkpoint&apos;s tensor shapes when it loads.</source>
        <translation>完整配置会在加载时根据检查点中张量的形状推断出来。</translation>
    </message>
    <message>
        <source>nothing loaded · %1</source>
        <translation>未加载 · %1</translation>
    </message>
    <message>
        <source>Add Model Bundle</source>
        <translation>添加模型包</translation>
    </message>
    <message>
        <source>Bundle manifests (manifest.json *.json)</source>
        <translation>模型包清单（manifest.json *.json）</translation>
    </message>
    <message>
        <source>&amp;Import Checkpoint…</source>
        <translation>导入检查点(&amp;I)…</translation>
    </message>
    <message>
        <source>Make a bundle from an official mPLUG-2 checkpoint (.pth)</source>
        <translation>从官方 mPLUG-2 检查点（.pth）创建模型包</translation>
    </message>
    <message>
        <source>Cannot add %1:
%2</source>
        <translation>无法添加 %1：
%2</translation>
    </message>
    <message>
        <source>&amp;Get Models…</source>
        <translation>获取模型(&amp;G)…</translation>
    </message>
    <message>
        <source>Download the official mPLUG-2 models</source>
        <translation>下载官方 mPLUG-2 模型</translation>
    </message>
    <message numerus="yes">
        <source>Memory: about %1 on %2 in %3 for %n frame(s) (estimate; %4 free now)</source>
        <translation>
            <numerusform>内存：在 %2 上以 %3 处理 %n 帧约需 %1（估计值；当前可用 %4）</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Memory: cannot be estimated (%1)</source>
        <translation>内存：无法估计（%1）</translation>
    </message>
    <message>
        <source>process memory %1, peak %2</source>
        <translation>进程内存 %1，峰值 %2</translation>
    </message>
    <message>
        <source>%1 on %2 (%3) · %4 parameters · weights %5 · estimated need %6 · %7</source>
        <translation>%1 运行于 %2（%3）· %4 参数 · 权重 %5 · 估计需要 %6 · %7</translation>
    </message>
    <message>
        <source>Remove Model</source>
        <translation>删除模型</translation>
    </message>
    <message>
        <source>Remove %1 from the models?</source>
        <translation>要从模型列表中删除 %1 吗？</translation>
    </message>
    <message>
        <source>It was downloaded to %1. Delete the downloaded files too?</source>
        <translation>它已下载到 %1。是否同时删除下载的文件？</translation>
    </message>
    <message>
        <source>Delete Files</source>
        <translation>删除文件</translation>
    </message>
    <message>
        <source>Keep Files</source>
        <translation>保留文件</translation>
    </message>
    <message>
        <source>Cannot remove %1:
%2</source>
        <translation>无法删除 %1：
%2</translation>
    </message>
</context>
<context>
    <name>mplug2::ui::OpenIndexDialog</name>
    <message>
        <source>Options: &apos;%1&apos; is not of the form name=value.</source>
        <translation>选项：&apos;%1&apos; 不是 name=value 形式。</translation>
    </message>
    <message>
        <source>Options: the value of &apos;%1&apos; lacks its closing quote.</source>
        <translation>选项：&apos;%1&apos; 的值缺少右引号。</translation>
    </message>
    <message>
        <source>Open Index</source>
        <translation>打开索引</translation>
    </message>
    <message>
        <source>Recent indexes</source>
        <translation>最近的索引</translation>
    </message>
    <message>
        <source>&amp;Recent:</source>
        <translation>最近(&amp;R)：</translation>
    </message>
    <message>
        <source>An index &amp;file</source>
        <translation>索引文件(&amp;F)</translation>
    </message>
    <message>
        <source>Index file</source>
        <translation>索引文件</translation>
    </message>
    <message>
        <source>an existing index, or a new file&apos;s name to create one</source>
        <translation>已有的索引，或新文件名以创建索引</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>A shared index on a &amp;PostgreSQL server</source>
        <translation>&amp;PostgreSQL 服务器上的共享索引</translation>
    </message>
    <message>
        <source>e.g. db.example.org</source>
        <translation>例如 db.example.org</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>your login name if empty</source>
        <translation>留空则使用您的登录名</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>optional, e.g. sslmode=require connect_timeout=10</source>
        <translation>可选，例如 sslmode=require connect_timeout=10</translation>
    </message>
    <message>
        <source>Connection options</source>
        <translation>连接选项</translation>
    </message>
    <message>
        <source>More libpq connection parameters, as name=value apart by spaces</source>
        <translation>其他 libpq 连接参数，格式为 name=value，以空格分隔</translation>
    </message>
    <message>
        <source>There is no password here, and none is stored: it is taken from ~/.pgpass, the PGPASSWORD variable or a PGSERVICE service file.</source>
        <translation>这里没有密码，也不会存储密码：密码取自 ~/.pgpass、PGPASSWORD 变量或 PGSERVICE 服务文件。</translation>
    </message>
    <message>
        <source>Por&amp;t:</source>
        <translation>端口(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>Optio&amp;ns:</source>
        <translation>选项(&amp;N)：</translation>
    </message>
    <message>
        <source>Choose an index file, or type a new file&apos;s name to create one.</source>
        <translation>请选择索引文件，或输入新文件名以创建索引。</translation>
    </message>
    <message>
        <source>Enter the server&apos;s host name.</source>
        <translation>请输入服务器的主机名。</translation>
    </message>
    <message>
        <source>Enter the name of the database.</source>
        <translation>请输入数据库名称。</translation>
    </message>
    <message>
        <source>These fields make no valid address: %1</source>
        <translation>这些字段不能组成有效地址：%1</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Open or create an index file</source>
        <translation>打开或创建索引文件</translation>
    </message>
    <message>
        <source>Search indexes (*.sqlite);;All files (*)</source>
        <translation>搜索索引 (*.sqlite);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>mplug2::ui::ResultsPanel</name>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Q: %1 · %2</source>
        <translation>问：%1 · %2</translation>
    </message>
    <message>
        <source>Dense captions · %1</source>
        <translation>密集描述 · %1</translation>
    </message>
    <message>
        <source>Caption · %1</source>
        <translation>描述 · %1</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>运行中…</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Decoding %1 ms, vision %2 ms, text %3 ms, generation %4 ms on %5 (%6)</source>
        <translation>解码 %1 毫秒，视觉 %2 毫秒，文本 %3 毫秒，生成 %4 毫秒，运行于 %5（%6）</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>Length-penalised log-probability (higher is better)</source>
        <translation>经长度惩罚的对数概率（越高越好）</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>（无文本）</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>no exporter “%1” in this build</source>
        <translation>此版本中没有导出器“%1”</translation>
    </message>
    <message>
        <source>that request has no result to export</source>
        <translation>该请求没有可导出的结果</translation>
    </message>
    <message>
        <source>Copied “%1”</source>
        <translation>已复制“%1”</translation>
    </message>
    <message>
        <source>Export Result</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>Classify · %1 · “%2”, %3</source>
        <translation>分类 · %1 · “%2”，%3</translation>
    </message>
    <message>
        <source>CLIP similarity</source>
        <translation>CLIP 相似度</translation>
    </message>
    <message>
        <source>decoder likelihood</source>
        <translation>解码器似然</translation>
    </message>
    <message>
        <source>Window %1/%2: %3 …</source>
        <translation>窗口 %1/%2：%3 …</translation>
    </message>
    <message>
        <source>%1 of %2 windows; cancelled</source>
        <translation>共 %2 个窗口，完成 %1 个；已取消</translation>
    </message>
</context>
<context>
    <name>mplug2::ui::SearchResultDelegate</name>
    <message>
        <source>%1 (model)</source>
        <translation>%1（模型）</translation>
    </message>
</context>
<context>
    <name>mplug2::ui::SearchResultsModel</name>
    <message>
        <source>similarity %1</source>
        <translation>相似度 %1</translation>
    </message>
    <message>
        <source>model score %1</source>
        <translation>模型得分 %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>moment %1 (shot %2)</source>
        <translation>片段 %1（镜头 %2）</translation>
    </message>
</context>
<context>
    <name>mplug2::ui::SearchView</name>
    <message>
        <source>approximate search</source>
        <translation>近似搜索</translation>
    </message>
    <message>
        <source>exact search</source>
        <translation>精确搜索</translation>
    </message>
    <message>
        <source>best %1 re-scored by the model</source>
        <translation>前 %1 个由模型重新打分</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) in %1 ms (%2 searched, %3)</source>
        <translation>
            <numerusform>%n 个结果，用时 %1 毫秒（共搜索 %2 项，%3）</numerusform>
        </translation>
    </message>
    <message>
        <source>Media matching a sentence</source>
        <translation>与句子相符的媒体</translation>
    </message>
    <message>
        <source>Media like a file</source>
        <translation>与某文件相似的媒体</translation>
    </message>
    <message>
        <source>Sentences describing a file</source>
        <translation>描述某文件的句子</translation>
    </message>
    <message>
        <source>Search mode</source>
        <translation>搜索方式</translation>
    </message>
    <message>
        <source>Search query</source>
        <translation>搜索内容</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>One sentence per line, e.g. captions to compare</source>
        <translation>每行一个句子，例如要比较的描述</translation>
    </message>
    <message>
        <source>Sentences to rank</source>
        <translation>要排序的句子</translation>
    </message>
    <message>
        <source>Folder filter</source>
        <translation>文件夹筛选</translation>
    </message>
    <message>
        <source>Pictures and videos</source>
        <translation>图片和视频</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Videos</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Media type filter</source>
        <translation>媒体类型筛选</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Shortest duration</source>
        <translation>最短时长</translation>
    </message>
    <message>
        <source>Longest duration</source>
        <translation>最长时长</translation>
    </message>
    <message>
        <source>Number of results</source>
        <translation>结果数量</translation>
    </message>
    <message>
        <source>Results to re-score with the model</source>
        <translation>由模型重新打分的结果数</translation>
    </message>
    <message>
        <source>In</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果数</translation>
    </message>
    <message>
        <source>Re-score</source>
        <translation>重新打分</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Why this result?</source>
        <translation>为什么是这个结果？</translation>
    </message>
    <message>
        <source>Show where the model looks in this media when it reads the query</source>
        <translation>显示模型读取查询时在此媒体中关注的位置</translation>
    </message>
    <message>
        <source>More like this</source>
        <translation>查找相似</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Describe what you are looking for, e.g. a red circle</source>
        <translation>描述您要找的内容，例如 a red circle（一个红色圆形）</translation>
    </message>
    <message>
        <source>A picture or video file</source>
        <translation>一个图片或视频文件</translation>
    </message>
    <message>
        <source>All indexed folders</source>
        <translation>所有已索引的文件夹</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>Choose a picture or video</source>
        <translation>选择图片或视频</translation>
    </message>
    <message>
        <source>Nothing to export yet: search first.</source>
        <translation>还没有可导出的内容：请先搜索。</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Export results</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <source>&quot;Why this result&quot; needs a text query: this search was by example.</source>
        <translation>“为什么是这个结果”需要文字查询：本次搜索是按样例进行的。</translation>
    </message>
    <message>
        <source>Open in viewer</source>
        <translation>在查看器中打开</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>复制路径</translation>
    </message>
    <message>
        <source>Search cancelled.</source>
        <translation>搜索已取消。</translation>
    </message>
    <message>
        <source>The index was updated: search again.</source>
        <translation>索引已更新：请重新搜索。</translation>
    </message>
    <message>
        <source>all %1 re-scored by the model, as they are few</source>
        <translation>候选很少，全部 %1 个均由模型重新打分</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Re-score the best results with the model (slower, often better). auto: all of them when there are at most %1; 0: never</source>
        <translation>用模型为最佳结果重新打分（较慢，通常更准）。自动：候选不超过 %1 个时全部重新打分；0：从不</translation>
    </message>
    <message>
        <source>Opened the index %1.</source>
        <translation>已打开索引 %1。</translation>
    </message>
    <message>
        <source>Index: %1</source>
        <translation>索引：%1</translation>
    </message>
    <message>
        <source>Searching and indexing %1.
File ▸ Open Index… opens another index.</source>
        <translation>正在搜索和索引 %1。
文件 ▸ 打开索引… 可打开其他索引。</translation>
    </message>
    <message numerus="yes">
        <source>%n moment(s) in %1 ms (%2 searched, %3)</source>
        <translation>
            <numerusform>%n 个片段，用时 %1 毫秒（搜索了 %2 个，%3）</numerusform>
        </translation>
    </message>
    <message>
        <source>Find moments</source>
        <translation>查找片段</translation>
    </message>
    <message>
        <source>Find moments of videos (shots, and windows of long shots) instead of whole files. Needs an index built with Moments checked beside Index a folder.</source>
        <translation>查找视频中的片段（镜头以及长镜头的窗口），而不是整个文件。需要在“索引文件夹”旁勾选“片段”后建立的索引。</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json);;JSON Lines (*.jsonl);;HTML (*.html)</source>
        <translation>CSV (*.csv);;JSON (*.json);;JSON Lines (*.jsonl);;HTML (*.html)</translation>
    </message>
</context>
<context>
    <name>mplug2::ui::TaskOptionsWidget</name>
    <message>
        <source>Model default</source>
        <translation>模型默认</translation>
    </message>
    <message>
        <source>How many frames of a video the model sees</source>
        <translation>模型看视频时采样的帧数</translation>
    </message>
    <message>
        <source>&amp;Frames:</source>
        <translation>帧数(&amp;F)：</translation>
    </message>
    <message>
        <source>Segment middles (official)</source>
        <translation>分段中点（官方）</translation>
    </message>
    <message>
        <source>Evenly in time</source>
        <translation>按时间均匀</translation>
    </message>
    <message>
        <source>S&amp;ampling:</source>
        <translation>采样(&amp;A)：</translation>
    </message>
    <message>
        <source>Beam search</source>
        <translation>束搜索</translation>
    </message>
    <message>
        <source>Greedy</source>
        <translation>贪心</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>随机采样</translation>
    </message>
    <message>
        <source>&amp;Decoding:</source>
        <translation>解码(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Beam size:</source>
        <translation>束宽(&amp;B)：</translation>
    </message>
    <message>
        <source>Mi&amp;n length:</source>
        <translation>最短长度(&amp;N)：</translation>
    </message>
    <message>
        <source>Ma&amp;x length:</source>
        <translation>最长长度(&amp;X)：</translation>
    </message>
    <message>
        <source>How many answers to show: the best and its alternatives</source>
        <translation>显示几个回答：最佳回答及其备选</translation>
    </message>
    <message>
        <source>A&amp;lternatives:</source>
        <translation>备选数(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Temperature:</source>
        <translation>温度(&amp;T)：</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Top-&amp;k:</source>
        <translation>Top-&amp;k：</translation>
    </message>
    <message>
        <source>Top-&amp;p:</source>
        <translation>Top-&amp;p：</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>随机种子(&amp;E)：</translation>
    </message>
    <message>
        <source>Cross-attention</source>
        <translation>交叉注意力</translation>
    </message>
    <message>
        <source>Grad-CAM</source>
        <translation>Grad-CAM</translation>
    </message>
    <message>
        <source>Latent queries</source>
        <translation>潜在查询</translation>
    </message>
    <message>
        <source>Attention maps:</source>
        <translation>注意力图：</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <source>De&amp;vice:</source>
        <translation>设备(&amp;V)：</translation>
    </message>
    <message>
        <source>P&amp;recision:</source>
        <translation>精度(&amp;R)：</translation>
    </message>
    <message>
        <source>Faster, bf16</source>
        <translation>更快，bf16</translation>
    </message>
    <message>
        <source>Occlusion</source>
        <translation>遮挡</translation>
    </message>
    <message>
        <source>Hide patches of the frames from the decoder and measure how much each word&apos;s probability drops: what the model uses, not where it looks</source>
        <translation>对解码器隐藏帧的图块，测量每个词的概率下降多少：反映模型实际使用的内容，而不是它看向哪里</translation>
    </message>
</context>
<context>
    <name>mplug2::ui::TaskPanel</name>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Dense</source>
        <translation>密集描述</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>问答</translation>
    </message>
    <message>
        <source>Classify</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Dense captions: one caption per time window</source>
        <translation>密集描述：每个时间窗口一条描述</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Window length</source>
        <translation>窗口长度</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>窗口(&amp;W)：</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>What is happening in the video?</source>
        <translation>视频里发生了什么？</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation>问题(&amp;Q)：</translation>
    </message>
    <message>
        <source>optional: yes, no, maybe</source>
        <translation>可选：yes, no, maybe</translation>
    </message>
    <message>
        <source>Candidate answers</source>
        <translation>候选回答</translation>
    </message>
    <message>
        <source>Rank these answers instead of writing one (comma-separated)</source>
        <translation>对这些回答排序，而不是自由生成（用逗号分隔）</translation>
    </message>
    <message>
        <source>&amp;Answers:</source>
        <translation>候选(&amp;A)：</translation>
    </message>
    <message>
        <source>dog, cat, car</source>
        <translation>dog, cat, car</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>&amp;Labels:</source>
        <translation>标签(&amp;L)：</translation>
    </message>
    <message>
        <source>Label template</source>
        <translation>标签模板</translation>
    </message>
    <message>
        <source>The text scored for each label; {} stands for the label</source>
        <translation>为每个标签打分的文本；{} 代表标签</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>模板(&amp;T)：</translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation>打分方式</translation>
    </message>
    <message>
        <source>Decoder likelihood</source>
        <translation>解码器似然</translation>
    </message>
    <message>
        <source>CLIP similarity</source>
        <translation>CLIP 相似度</translation>
    </message>
    <message>
        <source>&amp;Scoring:</source>
        <translation>打分(&amp;S)：</translation>
    </message>
    <message>
        <source>a red circle on a white background</source>
        <translation>a red circle on a white background</translation>
    </message>
    <message>
        <source>Search text</source>
        <translation>搜索文本</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message>
        <source>Describe the selected picture or video in a sentence.</source>
        <translation>用一句话描述所选的图片或视频。</translation>
    </message>
    <message>
        <source>Caption Each Window</source>
        <translation>逐窗口描述</translation>
    </message>
    <message>
        <source>One caption per time window of the video, with start and end times.</source>
        <translation>为视频的每个时间窗口生成一条描述，并附起止时间。</translation>
    </message>
    <message>
        <source>Type a question and press Enter. Earlier questions are in the list.</source>
        <translation>输入问题后按回车。之前的问题可在列表中找到。</translation>
    </message>
    <message>
        <source>Score each label against the media, zero-shot.</source>
        <translation>零样本地为每个标签与媒体的匹配程度打分。</translation>
    </message>
    <message>
        <source>Find media in your indexed folders that match a sentence.</source>
        <translation>在已建索引的文件夹中查找与一句话相符的媒体。</translation>
    </message>
    <message>
        <source>Open a picture or a video first.</source>
        <translation>请先打开一张图片或一段视频。</translation>
    </message>
    <message>
        <source>Type a question first.</source>
        <translation>请先输入问题。</translation>
    </message>
    <message>
        <source>Give at least two labels, separated by commas.</source>
        <translation>请至少给出两个标签，用逗号分隔。</translation>
    </message>
    <message>
        <source>Search runs over an index, not one file.</source>
        <translation>搜索针对索引进行，而不是单个文件。</translation>
    </message>
    <message>
        <source>Fixed windows</source>
        <translation>固定窗口</translation>
    </message>
    <message>
        <source>By shot</source>
        <translation>按镜头</translation>
    </message>
    <message>
        <source>Window mode</source>
        <translation>窗口模式</translation>
    </message>
    <message>
        <source>Fixed windows: one caption every window length. By shot: one caption per shot of the video, long shots cut at the window length.</source>
        <translation>固定窗口：每个窗口长度一条字幕。按镜头：视频每个镜头一条字幕，长镜头按窗口长度切分。</translation>
    </message>
    <message>
        <source>&amp;Cut:</source>
        <translation>切分(&amp;C)：</translation>
    </message>
    <message>
        <source>One caption per shot of the video (long shots in windows), with start and end times.</source>
        <translation>视频每个镜头一条字幕（长镜头分窗口），带起止时间。</translation>
    </message>
    <message>
        <source>Longest moment</source>
        <translation>最长片段</translation>
    </message>
    <message>
        <source>Shots longer than this are cut into windows of at most this length</source>
        <translation>长于此值的镜头会被切成不超过此长度的窗口</translation>
    </message>
    <message>
        <source>The length of each window</source>
        <translation>每个窗口的长度</translation>
    </message>
</context>
<context>
    <name>mplug2::ui::TimelineWidget</name>
    <message>
        <source>Timeline</source>
        <translation>时间轴</translation>
    </message>
    <message>
        <source>Click or drag to seek; marks show the frames the model sees.</source>
        <translation>点击或拖动以定位；刻度标出模型看到的帧。</translation>
    </message>
</context>
<context>
    <name>mplug2::ui::TokenChipBar</name>
    <message>
        <source>Answer tokens</source>
        <translation>回答词元</translation>
    </message>
    <message>
        <source>All tokens</source>
        <translation>全部词元</translation>
    </message>
    <message>
        <source>All tokens (mean)</source>
        <translation>全部词元（平均）</translation>
    </message>
    <message>
        <source>Where the whole answer looked: the mean over its tokens</source>
        <translation>整个回答关注的位置：各词元的平均</translation>
    </message>
    <message>
        <source>Token %1: %2</source>
        <translation>词元 %1：%2</translation>
    </message>
    <message>
        <source>Show where the model looked while it wrote “%1”</source>
        <translation>显示模型写出“%1”时关注的位置</translation>
    </message>
</context>
<context>
    <name>mplug2::ui::WhyResultDialog</name>
    <message>
        <source>Why this result — %1</source>
        <translation>为什么是这个结果 — %1</translation>
    </message>
    <message>
        <source>Where the model looks in this media while it reads “%1”.</source>
        <translation>模型读取“%1”时在此媒体中关注的位置。</translation>
    </message>
    <message>
        <source>Word of the query</source>
        <translation>查询中的词</translation>
    </message>
    <message>
        <source>Reading the query over the media…</source>
        <translation>正在让模型结合媒体读取查询…</translation>
    </message>
    <message>
        <source>This model gave no attention maps for this media.</source>
        <translation>此模型没有为该媒体给出注意力图。</translation>
    </message>
    <message>
        <source>The whole query</source>
        <translation>整个查询</translation>
    </message>
    <message>
        <source>Mean log-probability per word of the query given this media: %1</source>
        <translation>给定此媒体时查询中每个词的平均对数概率：%1</translation>
    </message>
    <message>
        <source>Frame %1: %2% of the attention</source>
        <translation>第 %1 帧：占注意力的 %2%</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
</TS>
