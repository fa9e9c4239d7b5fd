#pragma once
/// JSON: an array with one object per media item (the CLI's --json objects).

#include "app/export/exporter.h"

namespace mplug2::app {

class CaptionJsonExporter : public Exporter {
public:
    QString id() const override;
    QString description() const override;
    QString suffix() const override;
    Expected<QStringList> write(const ExportInput &input, const QString &path) const override;
};

} // namespace mplug2::app
