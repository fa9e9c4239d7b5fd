#pragma once
/// JSON Lines: one compact object per media item and line.

#include "app/export/exporter.h"

namespace mplug2::app {

class CaptionJsonLinesExporter : public Exporter {
public:
    QString id() const override;
    QString description() const override;
    QString suffix() const override;
    Expected<QStringList> write(const ExportInput &input, const QString &path) const override;
};

} // namespace mplug2::app
