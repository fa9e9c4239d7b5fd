// The caption exporters (TXT, JSON, JSONL, CSV): each test writes a file and
// parses it back with an independent reader.
#include "app/export/exporter.h"
#include "tests/app/exportertestdata.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace mplug2;
using namespace mplug2::app;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// A small RFC 4180 reader (quotes, doubled quotes, embedded line breaks).
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row.append(field);
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            row.append(field);
            rows.append(row);
            row.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return rows;
}

} // namespace

class CaptionExportersTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    ExportInput m_input;

    QString write(const QString &id, const QString &name)
    {
        const Exporter *e = findExporter(id);
        if (!e)
            return {};
        const QString path = m_dir.filePath(name);
        const Expected<QStringList> files = e->write(m_input, path);
        return files && files->value(0) == path ? path : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_input.results = {test::captionResult(), test::answerResult(), test::denseResult()};
    }

    void registryFindsEveryFormat()
    {
        for (const char *idText : {"txt", "json", "jsonl", "csv", "srt", "vtt"}) {
            const QString id = QString::fromLatin1(idText);
            const Exporter *e = findExporter(id);
            QVERIFY2(e, qPrintable(id));
            QVERIFY(!e->description().isEmpty());
            QCOMPARE(exporterForPath(QStringLiteral("/x/out.") + e->suffix().toUpper()), e);
        }
        QVERIFY(!findExporter(QStringLiteral("doc")));
        QVERIFY(!exporterForPath(QStringLiteral("noext")));
    }

    void jsonIsAnArrayOfTheCliObjects()
    {
        const QString path = write(QStringLiteral("json"), QStringLiteral("out.json"));
        QVERIFY(!path.isEmpty());
        QJsonParseError error {};
        const QJsonArray all = QJsonDocument::fromJson(readAll(path), &error).array();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(all.size(), 3);
        const QJsonObject first = all.at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("media")).toString(), m_input.results.at(0).media);
        QCOMPARE(first.value(QStringLiteral("task")).toString(), QStringLiteral("caption"));
        const QJsonArray results = first.value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 3);
        QCOMPARE(results.at(2).toObject().value(QStringLiteral("text")).toString(),
            m_input.results.at(0).items.at(2).text);
        QCOMPARE(results.at(0).toObject().value(QStringLiteral("score")).toDouble(), -0.4125);
        QCOMPARE(results.at(0).toObject().value(QStringLiteral("token_ids")).toArray().at(2).toInt(), 2158);
        QVERIFY(first.contains(QStringLiteral("timings_ms")));
        QCOMPARE(all.at(1).toObject().value(QStringLiteral("question")).toString(),
            QStringLiteral("what color is the circle?"));
        const QJsonArray segments = all.at(2).toObject().value(QStringLiteral("segments")).toArray();
        QCOMPARE(segments.size(), 4);
        QCOMPARE(segments.at(3).toObject().value(QStringLiteral("end")).toDouble(), 3630.25);
    }

    void jsonLinesHasOneObjectPerLine()
    {
        const QString path = write(QStringLiteral("jsonl"), QStringLiteral("out.jsonl"));
        const QList<QByteArray> lines = readAll(path).split('\n');
        QCOMPARE(lines.size(), 4); // three objects and the final newline
        QVERIFY(lines.last().isEmpty());
        for (int i = 0; i < 3; ++i) {
            QJsonParseError error {};
            const QJsonObject o = QJsonDocument::fromJson(lines.at(i), &error).object();
            QCOMPARE(error.error, QJsonParseError::NoError);
            QCOMPARE(o.value(QStringLiteral("media")).toString(), m_input.results.at(i).media);
        }
    }

    void csvQuotesAndDefusesFormulas()
    {
        const QString path = write(QStringLiteral("csv"), QStringLiteral("out.csv"));
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(readAll(path)));
        // header + 3 captions + 2 answers + 4 windows
        QCOMPARE(rows.size(), 10);
        for (const QStringList &r : rows)
            QCOMPARE(r.size(), 9);
        QCOMPARE(rows.at(0).at(4), QStringLiteral("text"));
        QCOMPARE(rows.at(1).at(0), m_input.results.at(0).media);
        QCOMPARE(rows.at(1).at(4), m_input.results.at(0).items.at(0).text);
        QCOMPARE(rows.at(1).at(5).toDouble(), -0.4125);
        QCOMPARE(rows.at(1).at(8), QStringLiteral("101 1037 2158 102"));
        QCOMPARE(rows.at(2).at(4), QStringLiteral("'=HYPERLINK(\"http://x\")"));
        QCOMPARE(rows.at(3).at(4), m_input.results.at(0).items.at(2).text); // line break kept inside quotes
        QCOMPARE(rows.at(4).at(2), QStringLiteral("what color is the circle?"));
        QCOMPARE(rows.at(5).at(4), QStringLiteral("'-blue"));
        QCOMPARE(rows.at(9).at(6).toDouble(), 3625.5);
        QCOMPARE(rows.at(9).at(7).toDouble(), 3630.25);
    }

    void textListsEachItemForPeople()
    {
        const QString path = write(QStringLiteral("txt"), QStringLiteral("out.txt"));
        const QStringList lines = QString::fromUtf8(readAll(path)).split(u'\n');
        QCOMPARE(lines.at(0), m_input.results.at(0).media);
        QCOMPARE(lines.at(1), QStringLiteral("1. a man is cooking, then \"eating\" (-0.4125)"));
        QCOMPARE(lines.at(3), QStringLiteral("3. 一只猫在睡觉 second line (-2.5000)"));
        QVERIFY(lines.contains(QStringLiteral("Q: what color is the circle?")));
        QVERIFY(lines.contains(QStringLiteral("[01:00:25.500 - 01:00:30.250] the end")));
    }

    void failedWriteLeavesTheOldFileAlone()
    {
        const QString path = m_dir.filePath(QStringLiteral("keep.json"));
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old");
        old.close();
        const Expected<QStringList> bad
            = findExporter(QStringLiteral("json"))
                  ->write(m_input, m_dir.filePath(QStringLiteral("no/such/dir/x.json")));
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, ErrorCode::Io);
        QVERIFY(QString::fromStdString(bad.error().message).contains(QStringLiteral("x.json")));
        QCOMPARE(readAll(path), QByteArray("old"));
    }
};

QTEST_GUILESS_MAIN(CaptionExportersTest)
#include "captionexporterstest.moc"
