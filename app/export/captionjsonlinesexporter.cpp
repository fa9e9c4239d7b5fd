#include "app/export/captionjsonlinesexporter.h"

#include "app/engine/resultjson.h"
#include "app/export/atomicwrite.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace mplug2::app {

QString CaptionJsonLinesExporter::id() const
{
    return QStringLiteral("jsonl");
}

QString CaptionJsonLinesExporter::description() const
{
    return QCoreApplication::translate("Export", "JSON Lines");
}

QString CaptionJsonLinesExporter::suffix() const
{
    return QStringLiteral("jsonl");
}

Expected<QStringList> CaptionJsonLinesExporter::write(const ExportInput &input, const QString &path) const
{
    QByteArray bytes;
    for (const EngineResult &r : input.results)
        bytes += QJsonDocument(resultToJson(r)).toJson(QJsonDocument::Compact) + '\n';
    if (Expected<void> ok = writeFileAtomically(path, bytes); !ok)
        return ok.error();
    return QStringList {path};
}

} // namespace mplug2::app
