#include "app/export/srtexporter.h"

#include "app/export/atomicwrite.h"
#include "app/export/subtitlecues.h"

#include <QCoreApplication>

namespace mplug2::app {

QString SrtExporter::id() const
{
    return QStringLiteral("srt");
}

QString SrtExporter::description() const
{
    return QCoreApplication::translate("Export", "Subtitles (SRT)");
}

QString SrtExporter::suffix() const
{
    return QStringLiteral("srt");
}

Expected<QStringList> SrtExporter::write(const ExportInput &input, const QString &path) const
{
    const Expected<QList<SubtitleCue>> cues = subtitleCues(input.results);
    if (!cues)
        return cues.error();
    QString srt;
    int number = 1;
    for (const SubtitleCue &c : *cues) {
        srt += QStringLiteral("%1\r\n%2 --> %3\r\n%4\r\n\r\n")
                   .arg(number++)
                   .arg(formatCueTime(c.startSeconds, u','), formatCueTime(c.endSeconds, u','), c.text);
    }
    if (Expected<void> ok = writeFileAtomically(path, srt.toUtf8()); !ok)
        return ok.error();
    return QStringList {path};
}

} // namespace mplug2::app
