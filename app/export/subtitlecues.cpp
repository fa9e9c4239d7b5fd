#include "app/export/subtitlecues.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace mplug2::app {

namespace {
struct SubtitleCuesText {
    Q_DECLARE_TR_FUNCTIONS(Export)
};
} // namespace

Expected<QList<SubtitleCue>> subtitleCues(const QList<EngineResult> &results)
{
    const auto dense = std::count_if(
        results.cbegin(), results.cend(), [](const EngineResult &r) { return !r.segments.isEmpty(); });
    if (dense != 1 || results.size() != 1)
        return makeError(ErrorCode::InvalidArgument,
            SubtitleCuesText::tr(
                "subtitles need exactly one dense caption (a video captioned in time windows)")
                .toStdString());
    QList<SubtitleCue> cues;
    for (const CaptionSegment &s : results.front().segments) {
        if (!std::isfinite(s.startSeconds) || !std::isfinite(s.endSeconds) || s.startSeconds < 0
            || s.endSeconds < s.startSeconds)
            return makeError(ErrorCode::InvalidArgument,
                SubtitleCuesText::tr("a caption window from %1 s to %2 s is not a valid time span")
                    .arg(s.startSeconds)
                    .arg(s.endSeconds)
                    .toStdString());
        const QString text = oneLine(s.caption.text);
        if (!text.isEmpty())
            cues.append(SubtitleCue {s.startSeconds, s.endSeconds, text});
    }
    std::stable_sort(cues.begin(), cues.end(),
        [](const SubtitleCue &a, const SubtitleCue &b) { return a.startSeconds < b.startSeconds; });
    return cues;
}

QString formatCueTime(double seconds, QChar fractionSeparator)
{
    const qint64 ms = qint64(std::llround(std::max(0.0, seconds) * 1000.0));
    return QStringLiteral("%1:%2:%3%4%5")
        .arg(ms / 3600000, 2, 10, QLatin1Char('0'))
        .arg(ms / 60000 % 60, 2, 10, QLatin1Char('0'))
        .arg(ms / 1000 % 60, 2, 10, QLatin1Char('0'))
        .arg(fractionSeparator)
        .arg(ms % 1000, 3, 10, QLatin1Char('0'));
}

QString oneLine(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text)
        out.append(c.category() == QChar::Other_Control || c.isSpace() ? QChar(u' ') : c);
    return out.simplified();
}

} // namespace mplug2::app
