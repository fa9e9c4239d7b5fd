#include "app/export/attentionpngexporter.h"

#include "app/export/attentionrenderer.h"
#include "media/export/pngwriter.h"

#include <QCoreApplication>
#include <QDir>

namespace mplug2::app {

QString AttentionPngExporter::id() const
{
    return QStringLiteral("attention-png");
}

QString AttentionPngExporter::description() const
{
    return QCoreApplication::translate("Export", "Attention maps (PNG per token and frame)");
}

QString AttentionPngExporter::suffix() const
{
    return {};
}

/// Files: [<media>_]<NN>-<token>_frame<FF>.png and [<media>_]mean_frame<FF>.png,
/// the media prefix only when several results are exported together.
Expected<QStringList> AttentionPngExporter::write(const ExportInput &input, const QString &path) const
{
    if (Expected<void> ok = checkAttentionInput(input); !ok)
        return ok.error();
    QDir dir(path);
    if (!dir.mkpath(QStringLiteral(".")))
        return makeError(ErrorCode::Io,
            QCoreApplication::translate("Export", "cannot create the folder %1").arg(path).toStdString());
    QStringList written;
    for (const EngineResult &r : input.results) {
        const QString prefix = input.results.size() > 1
            ? tokenFileName(QFileInfo(r.media).completeBaseName()) + u'_'
            : QString();
        QList<int> tokens;
        if (input.attention.token >= 0)
            tokens = {input.attention.token};
        else
            for (int t = -1; t < r.attention->tokenCount(); ++t)
                tokens.append(t);
        for (int t : tokens) {
            const Expected<std::vector<media::RgbImage>> frames
                = renderAttentionFrames(r, input.attention, t);
            if (!frames)
                return frames.error();
            const QString stem = t < 0 ? QStringLiteral("mean")
                                       : QStringLiteral("%1-%2")
                                             .arg(t, 2, 10, QLatin1Char('0'))
                                             .arg(tokenFileName(r.attention->tokens.value(t)));
            for (size_t f = 0; f < frames->size(); ++f) {
                const QString file = dir.filePath(
                    prefix + stem + QStringLiteral("_frame%1.png").arg(f, 2, 10, QLatin1Char('0')));
                if (Expected<void> ok = media::writePng((*frames)[f], file.toStdString()); !ok)
                    return ok.error();
                written.append(file);
            }
        }
    }
    return written;
}

} // namespace mplug2::app
