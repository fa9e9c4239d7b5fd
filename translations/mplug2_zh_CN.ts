<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>BundleRegistry</name>
        <message>
            <source>the id "%1" belongs to the built-in model; give the bundle another id</source>
            <translation>ID “%1” 属于内置模型；请为该模型包换一个 ID</translation>
        </message>
        <message>
            <source>no default model is installed: pass --model BUNDLE or --checkpoint FILE --vocab FILE, or import one with 'mplug2 import'</source>
            <translation>未安装默认模型：请传入 --model 模型包，或 --checkpoint 文件 --vocab 文件，或用 'mplug2 import' 导入一个模型</translation>
        </message>
        <message>
            <source>no model bundle "%1": not a registered id and not a bundle folder or manifest</source>
            <translation>没有模型包“%1”：它既不是已注册的 ID，也不是模型包文件夹或清单文件</translation>
        </message>
    </context>
    <context>
        <name>DeviceChoice</name>
        <message>
            <source>bad device "%1": expected cuda:N with N a device number</source>
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
            <source>unknown device "%1" (expected auto, cpu, cuda or cuda:N)</source>
            <translation>未知设备“%1”（应为 auto、cpu、cuda 或 cuda:N）</translation>
        </message>
        <message>
            <source>unknown precision "%1" (expected auto, fp32, fp16 or bf16)</source>
            <translation>未知精度“%1”（应为 auto、fp32、fp16 或 bf16）</translation>
        </message>
        <message>
            <source>%1 runs on CUDA devices only; the CPU computes in fp32</source>
            <translation>%1 仅可在 CUDA 设备上使用；CPU 使用 fp32 计算</translation>
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
        <name>ModelBundle</name>
        <message>
            <source>the manifest has no "%1"</source>
            <translation>清单中缺少“%1”</translation>
        </message>
        <message>
            <source>"%1" must be a string</source>
            <translation>“%1”必须是字符串</translation>
        </message>
        <message>
            <source>"%1" is longer than 4096 characters</source>
            <translation>“%1”超过 4096 个字符</translation>
        </message>
        <message>
            <source>"%1" must be a whole number from %2 to %3</source>
            <translation>“%1”必须是 %2 到 %3 之间的整数</translation>
        </message>
        <message>
            <source>"%1" must be an object</source>
            <translation>“%1”必须是对象</translation>
        </message>
        <message>
            <source>"generation.%1" must be an object</source>
            <translation>“generation.%1”必须是对象</translation>
        </message>
        <message>
            <source>"generation.%1": min_length %2 is larger than max_length %3</source>
            <translation>“generation.%1”：min_length %2 大于 max_length %3</translation>
        </message>
        <message>
            <source>"config.%1.%2" must be a number, a string or true/false</source>
            <translation>“config.%1.%2”必须是数字、字符串或 true/false</translation>
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
            <source>unknown model kind "%1" (expected caption, qa or pretrain)</source>
            <translation>未知模型类型“%1”（应为 caption、qa 或 pretrain）</translation>
        </message>
        <message>
            <source>unsupported manifest schema "%1" (this version reads %2)</source>
            <translation>不支持的清单格式“%1”（此版本读取 %2）</translation>
        </message>
        <message>
            <source>"id" must be 1-100 lower-case letters, digits, '.', '_' or '-' (got "%1")</source>
            <translation>“id”必须由 1 到 100 个小写字母、数字、'.'、'_' 或 '-' 组成（实际为“%1”）</translation>
        </message>
        <message>
            <source>the manifest has no "tokenizer"</source>
            <translation>清单中缺少“tokenizer”</translation>
        </message>
        <message>
            <source>"tokenizer.kind" must be wordpiece or sentencepiece (got "%1")</source>
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
            <source>CLIP BPE file</source>
            <translation>CLIP BPE 文件</translation>
        </message>
    </context>
    <context>
        <name>Mplug2Backend</name>
        <message>
            <source>this build cannot run mPLUG-2 models yet (the model layer is missing)</source>
            <translation>此版本尚不能运行 mPLUG-2 模型（缺少模型层）</translation>
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
        <name>main</name>
        <message>
            <source>Commands:</source>
            <translation>命令：</translation>
        </message>
        <message>
            <source>
Run 'mplug2 &lt;command&gt; --help' for a command's options.</source>
            <translation>
运行 'mplug2 &lt;命令&gt; --help' 查看命令的选项。</translation>
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
            <source>Show the window, save a picture of it to &lt;file&gt; and quit.</source>
            <translation>显示窗口，将其截图保存到 &lt;file&gt; 后退出。</translation>
        </message>
        <message>
            <source>Images or videos to open.</source>
            <translation>要打开的图像或视频。</translation>
        </message>
    </context>
    <context>
        <name>mplug2::app</name>
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
        <message>
            <source>Benchmarks. 'media': time to sample and decode a model's frames from a video (open, seek-decode, official transform). With --generate it makes a 10-minute 1080p H.264 file first.</source>
            <translation>基准测试。'media'：从视频中采样并解码模型所需帧的耗时（打开、定位解码、官方变换）。使用 --generate 时会先生成一个 10 分钟的 1080p H.264 文件。</translation>
        </message>
        <message>
            <source>What to measure: media.</source>
            <translation>要测量的内容：media。</translation>
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
            <source>Print one JSON object.</source>
            <translation>输出一个 JSON 对象。</translation>
        </message>
        <message>
            <source>mplug2 bench: say what to measure: 'mplug2 bench media FILE' or 'mplug2 bench media --generate'</source>
            <translation>mplug2 bench：请指明要测量的内容：'mplug2 bench media 文件' 或 'mplug2 bench media --generate'</translation>
        </message>
        <message>
            <source>mplug2 bench: --frames, --repeat and --threads take positive numbers</source>
            <translation>mplug2 bench：--frames、--repeat 和 --threads 需要正数</translation>
        </message>
        <message>
            <source>generating the benchmark video (once; this takes a minute or two)...</source>
            <translation>正在生成基准测试视频（仅一次，需要一两分钟）……</translation>
        </message>
        <message>
            <source>mplug2 bench: name a video file or use --generate</source>
            <translation>mplug2 bench：请指定视频文件或使用 --generate</translation>
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
        <name>mplug2::ui::AboutDialog</name>
        <message>
            <source>About mPLUG-2 Studio</source>
            <translation>关于 mPLUG-2 Studio</translation>
        </message>
        <message>
            <source>A desktop tool for exploring the mPLUG-2 multimodal model (ICML 2023): captions and answers for images and videos, the model's attention on the frames, and cross-modal retrieval over your own folders.</source>
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
        <name>mplug2::ui::MainWindow</name>
        <message>
            <source>mPLUG-2 Studio</source>
            <translation>mPLUG-2 Studio</translation>
        </message>
        <message>
            <source>Media files</source>
            <translation>媒体文件</translation>
        </message>
        <message>
            <source>Open images or videos (File ▸ Open) or drop them here.</source>
            <translation>打开图像或视频（文件 ▸ 打开），或将其拖放到此处。</translation>
        </message>
        <message>
            <source>Viewer</source>
            <translation>查看器</translation>
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
    </context>
</TS>
