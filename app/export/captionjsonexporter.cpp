#include "app/export/captionjsonexporter.h"

#include "app/engine/resultjson.h"
#include "app/export/atomicwrite.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace mplug2::app {

QString CaptionJsonExporter::id() const
{
    return QStringLiteral("json");
}

QString CaptionJsonExporter::description() const
{
    return QCoreApplication::translate("Export", "JSON");
}

QString CaptionJsonExporter::suffix() const
{
    return QStringLiteral("json");
}

Expected<QStringList> CaptionJsonExporter::write(const ExportInput &input, const QString &path) const
{
    QJsonArray all;
    for (const EngineResult &r : input.results)
        all.append(resultToJson(r));
    if (Expected<void> ok = writeFileAtomically(path, QJsonDocument(all).toJson(QJsonDocument::Indented));
        !ok)
        return ok.error();
    return QStringList {path};
}

} // namespace mplug2::app
