#include "app/export/exporter.h"

#include "app/export/attentiongifexporter.h"
#include "app/export/attentionmp4exporter.h"
#include "app/export/attentionpngexporter.h"
#include "app/export/captioncsvexporter.h"
#include "app/export/captionjsonexporter.h"
#include "app/export/captionjsonlinesexporter.h"
#include "app/export/captiontextexporter.h"
#include "app/export/contactsheetexporter.h"
#include "app/export/htmlreportexporter.h"
#include "app/export/srtexporter.h"
#include "app/export/webvttexporter.h"

#include <QFileInfo>

namespace mplug2::app {

const QList<const Exporter *> &exporters()
{
    static const CaptionTextExporter txt;
    static const CaptionJsonExporter json;
    static const CaptionJsonLinesExporter jsonl;
    static const CaptionCsvExporter csv;
    static const SrtExporter srt;
    static const WebVttExporter vtt;
    static const AttentionPngExporter attentionPng;
    static const ContactSheetExporter contactSheet;
    static const AttentionGifExporter gif;
    static const AttentionMp4Exporter mp4;
    static const HtmlReportExporter html;
    static const QList<const Exporter *> all
        = {&txt, &json, &jsonl, &csv, &srt, &vtt, &attentionPng, &contactSheet, &gif, &mp4, &html};
    return all;
}

const Exporter *findExporter(const QString &id)
{
    for (const Exporter *e : exporters()) {
        if (e->id() == id)
            return e;
    }
    return nullptr;
}

const Exporter *exporterForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix.isEmpty())
        return nullptr;
    for (const Exporter *e : exporters()) {
        if (e->suffix() == suffix)
            return e;
    }
    return nullptr;
}

} // namespace mplug2::app
