#pragma once
/// Attention as one PNG contact sheet: a row of overlaid frames per token (or one row for the chosen token or
/// the mean), the plain frames on top; each row labelled with its token, each column with its frame and
/// time, and the colour scale under the rows. The labels need a QGuiApplication (attentionfiguretext.h).

#include "app/export/exporter.h"

namespace mplug2::app {

class ContactSheetExporter : public Exporter {
public:
    QString id() const override;
    QString description() const override;
    QString suffix() const override;
    Expected<QStringList> write(const ExportInput &input, const QString &path) const override;
};

} // namespace mplug2::app
