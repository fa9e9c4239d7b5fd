<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
