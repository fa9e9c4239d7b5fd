#pragma once
/// CSV (RFC 4180): one row per result (and per dense-caption window).

#include "app/export/exporter.h"

namespace mplug2::app {

class CaptionCsvExporter : public Exporter {
public:
    QString id() const override;
    QString description() const override;
    QString suffix() const override;
    Expected<QStringList> write(const ExportInput &input, const QString &path) const override;
};

} // namespace mplug2::app
