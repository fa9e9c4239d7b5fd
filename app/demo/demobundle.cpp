#include "app/demo/demobundle.h"

#include <QDir>

namespace mplug2::app {

ModelBundle demoBundle(const model::train::DemoArchitecture &a, const QString &dir)
{
    ModelBundle b;
    b.id = QStringLiteral("demo");
    b.name = QStringLiteral("mPLUG-2 demo (synthetic shapes)");
    b.description = QStringLiteral(
        "A small mPLUG-2 trained from scratch by mplug2 train-demo on a synthetic world of circles, squares "
        "and "
        "triangles in red, green, blue, yellow and white that move left, right, up, down or stay still. It "
        "captions, answers questions and retrieves clips of that world only.");
    b.license = QStringLiteral("Apache-2.0 (weights trained by this project's own code on generated data)");
    b.kind = ModelKind::Caption;
    b.extraTasks = {QStringLiteral("qa")};
    b.checkpoint = QDir(dir).filePath(QStringLiteral("demo.safetensors"));
    b.tokenizerKind = QStringLiteral("sentencepiece");
    b.vocab = QDir(dir).filePath(QStringLiteral("demo.model"));
    b.clipBpe = b.vocab;
    b.clipTokenizerKind = QStringLiteral("sentencepiece");
    b.prompt = QString();
    b.imageRes = int(a.imageRes);
    b.numFrames = int(a.frames);
    b.captionGeneration = {3, 1, 12};
    b.qaGeneration = {3, 1, 8}; // "nowhere" is five pieces and [SEP]
    b.bertConfig = QJsonObject {{QStringLiteral("num_attention_heads"), int(a.heads)},
        {QStringLiteral("fusion_layers"), int(a.fusionLayers)}, {QStringLiteral("stride_layer"), 1000}};
    b.modelConfig = QJsonObject {{QStringLiteral("vision_heads"), int(a.visionHeads)},
        {QStringLiteral("clip_transformer_heads"), int(a.clipHeads)}};
    return b;
}

} // namespace mplug2::app
