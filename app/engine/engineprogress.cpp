#include "app/engine/engineprogress.h"

#include <QCoreApplication>

#include <algorithm>

namespace mplug2::app {

QString stageDescription(EngineStage stage)
{
    switch (stage) {
    case EngineStage::LoadingModel:
        return QCoreApplication::translate("EngineStage", "Loading the model");
    case EngineStage::DecodingMedia:
        return QCoreApplication::translate("EngineStage", "Decoding frames");
    case EngineStage::EncodingVisual:
        return QCoreApplication::translate("EngineStage", "Encoding the frames");
    case EngineStage::EncodingText:
        return QCoreApplication::translate("EngineStage", "Reading the question");
    case EngineStage::Generating:
        return QCoreApplication::translate("EngineStage", "Generating text");
    case EngineStage::Ranking:
        return QCoreApplication::translate("EngineStage", "Ranking candidates");
    case EngineStage::Attention:
        return QCoreApplication::translate("EngineStage", "Computing attention maps");
    case EngineStage::Windows:
        return QCoreApplication::translate("EngineStage", "Captioning windows");
    }
    return {};
}

QString progressText(const EngineProgress &progress)
{
    if (progress.windows > 0) {
        const QString window = QCoreApplication::translate("EngineStage", "Window %1/%2")
                                   .arg(std::clamp(progress.window, 1, progress.windows))
                                   .arg(progress.windows);
        return progress.stage == EngineStage::Windows
            ? window
            : QStringLiteral("%1 · %2").arg(window, stageDescription(progress.stage));
    }
    QString text = stageDescription(progress.stage);
    if (progress.total > 0)
        text += QStringLiteral(" %1/%2").arg(progress.step).arg(progress.total);
    return text;
}

QString stageName(EngineStage stage)
{
    switch (stage) {
    case EngineStage::LoadingModel:
        return QStringLiteral("loading-model");
    case EngineStage::DecodingMedia:
        return QStringLiteral("decoding-media");
    case EngineStage::EncodingVisual:
        return QStringLiteral("encoding-visual");
    case EngineStage::EncodingText:
        return QStringLiteral("encoding-text");
    case EngineStage::Generating:
        return QStringLiteral("generating");
    case EngineStage::Ranking:
        return QStringLiteral("ranking");
    case EngineStage::Attention:
        return QStringLiteral("attention");
    case EngineStage::Windows:
        return QStringLiteral("windows");
    }
    return {};
}

} // namespace mplug2::app
