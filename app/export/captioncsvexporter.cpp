#include "app/export/captioncsvexporter.h"

#include "app/export/atomicwrite.h"

#include <QCoreApplication>

namespace mplug2::app {

namespace {

/// Spreadsheets run a cell that starts with = + - @ as a formula; media
/// names and generated text are not trusted, so such a text (unless it is a
/// plain number) gets a leading apostrophe, as OWASP recommends.
bool looksLikeFormula(const QString &v)
{
    if (v.isEmpty())
        return false;
    const QChar c = v.front();
    if (c == u'=' || c == u'@' || c == u'\t' || c == u'\r')
        return true;
    if (c == u'+' || c == u'-') {
        bool number = false;
        v.toDouble(&number);
        return !number;
    }
    return false;
}

/// RFC 4180: quote every field that holds a comma, a quote or a line break,
/// doubling the quotes inside.
QString csvField(const QString &value)
{
    QString v = looksLikeFormula(value) ? u'\'' + value : value;
    if (v.contains(u',') || v.contains(u'"') || v.contains(u'\n') || v.contains(u'\r')) {
        v.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        v = u'"' + v + u'"';
    }
    return v;
}

QString idsField(const QList<qint64> &ids)
{
    QStringList parts;
    for (qint64 id : ids)
        parts.append(QString::number(id));
    return parts.join(u' ');
}

QString row(const QStringList &fields)
{
    QStringList quoted;
    for (const QString &f : fields)
        quoted.append(csvField(f));
    return quoted.join(u',') + QStringLiteral("\r\n");
}

QString number(double v)
{
    return QString::number(v, 'g', 9);
}

} // namespace

QString CaptionCsvExporter::id() const
{
    return QStringLiteral("csv");
}

QString CaptionCsvExporter::description() const
{
    return QCoreApplication::translate("Export", "CSV table");
}

QString CaptionCsvExporter::suffix() const
{
    return QStringLiteral("csv");
}

/// Columns: media, task, question, rank, text, score, start, end, token_ids
/// (space-separated). One row per result; dense captions give one row per
/// window with its times.
Expected<QStringList> CaptionCsvExporter::write(const ExportInput &input, const QString &path) const
{
    QString csv = row({QStringLiteral("media"), QStringLiteral("task"), QStringLiteral("question"),
        QStringLiteral("rank"), QStringLiteral("text"), QStringLiteral("score"), QStringLiteral("start"),
        QStringLiteral("end"), QStringLiteral("token_ids")});
    for (const EngineResult &r : input.results) {
        for (qsizetype i = 0; i < r.items.size(); ++i) {
            const ResultItem &item = r.items.at(i);
            csv += row({r.media, taskName(r.task), r.question, QString::number(i + 1), item.text,
                number(item.score), {}, {}, idsField(item.tokenIds)});
        }
        for (qsizetype i = 0; i < r.segments.size(); ++i) {
            const CaptionSegment &s = r.segments.at(i);
            csv += row({r.media, taskName(r.task), r.question, QString::number(i + 1), s.caption.text,
                number(s.caption.score), number(s.startSeconds), number(s.endSeconds),
                idsField(s.caption.tokenIds)});
        }
    }
    if (Expected<void> ok = writeFileAtomically(path, csv.toUtf8()); !ok)
        return ok.error();
    return QStringList {path};
}

} // namespace mplug2::app
