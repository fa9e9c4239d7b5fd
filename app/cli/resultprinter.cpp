#include "app/cli/resultprinter.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTextStream>

namespace mplug2::app {

void printResult(const EngineResult &r, bool json, const ResultJsonOptions &options)
{
    QTextStream out(stdout);
    if (json) {
        out << QJsonDocument(resultToJson(r, options)).toJson(QJsonDocument::Compact) << '\n';
        return;
    }
    const QString name = r.media.isEmpty() ? QStringLiteral("-") : r.media;
    if (r.items.size() == 1 && r.segments.isEmpty()) {
        out << name << ": " << r.items.front().text << '\n';
        return;
    }
    if (r.task == TaskKind::Classify)
        out << QCoreApplication::translate("ResultPrinter", "%1  (template \"%2\", scored by %3)")
                   .arg(name, r.labelTemplate, classifyMethodName(r.classifyMethod))
            << '\n';
    else
        out << name << '\n';
    for (const CaptionSegment &s : r.segments)
        out << QStringLiteral("  [%1 s - %2 s] ").arg(s.startSeconds, 0, 'f', 2).arg(s.endSeconds, 0, 'f', 2)
            << s.caption.text << '\n';
    for (qsizetype i = 0; i < r.items.size(); ++i)
        out << QStringLiteral("  %1. %2  (%3)\n")
                   .arg(i + 1)
                   .arg(r.items.at(i).text)
                   .arg(r.items.at(i).score, 0, 'f', 4);
}

} // namespace mplug2::app
