// Golden outputs of the command line, so that reworking how the commands are
// written changes nothing a user or a script sees:
//
// - every command's --help, word for word (tests/app/golden/help/<command>.txt);
// - the shape of every --json output the fixture models can produce: keys,
//   their order and the type of each value, never the values themselves, which
//   depend on the fixture set (tests/app/golden/json/<case>.json).
//
// After a deliberate change, regenerate with MPLUG2_UPDATE_GOLDEN=1 and review
// the diff.
#include "tests/app/clirunner.h"
#include "tests/app/fixturebundles.h"
#include "tests/support/qtestshared.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using mplug2::test::CliRun;

namespace {

const QString kGolden = QStringLiteral(MPLUG2_SOURCE_DIR "/tests/app/golden/");

bool updating()
{
    return qEnvironmentVariableIntValue("MPLUG2_UPDATE_GOLDEN") == 1;
}

/// The type of every value, keys kept in order; an array by its first element.
QJsonValue shapeOf(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Object: {
        // QJsonObject sorts its keys: the order is checked on the text separately.
        QJsonObject out;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            out.insert(it.key(), shapeOf(it.value()));
        return out;
    }
    case QJsonValue::Array: {
        const QJsonArray a = v.toArray();
        return a.isEmpty() ? QJsonArray() : QJsonArray {shapeOf(a.first())};
    }
    case QJsonValue::String:
        return QStringLiteral("<string>");
    case QJsonValue::Double:
        return QStringLiteral("<number>");
    case QJsonValue::Bool:
        return QStringLiteral("<bool>");
    case QJsonValue::Null:
        return QStringLiteral("<null>");
    default:
        return QStringLiteral("<undefined>");
    }
}

/// The keys of the top-level object in the order printed.
QStringList topLevelKeyOrder(const QByteArray &line)
{
    QStringList keys;
    int depth = 0;
    bool inString = false;
    QString current;
    bool expectKey = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const char c = line.at(i);
        if (inString) {
            if (c == '\\') {
                ++i;
                continue;
            }
            if (c == '"') {
                inString = false;
                if (depth == 1 && expectKey)
                    keys << current;
                expectKey = false;
            } else if (depth == 1 && expectKey) {
                current += QLatin1Char(c);
            }
            continue;
        }
        if (c == '"') {
            inString = true;
            current.clear();
        } else if (c == '{' || c == '[') {
            ++depth;
            expectKey = depth == 1;
        } else if (c == '}' || c == ']') {
            --depth;
        } else if (c == ',' && depth == 1) {
            expectKey = true;
        }
    }
    return keys;
}

} // namespace

class CliGoldenTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_sandbox;
    QString m_shared;
    QJsonObject m_cases;

    CliRun run(const QStringList &args) { return mplug2::test::runCli(args, m_sandbox.path()); }

    void compareWithGolden(const QString &file, const QByteArray &actual)
    {
        const QString path = kGolden + file;
        if (updating()) {
            QDir().mkpath(QFileInfo(path).absolutePath());
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(actual);
            return;
        }
        QFile in(path);
        QVERIFY2(in.open(QIODevice::ReadOnly), qPrintable(QStringLiteral("no golden file %1").arg(path)));
        const QByteArray expected = in.readAll();
        if (expected != actual) {
            const QList<QByteArray> a = actual.split('\n'), e = expected.split('\n');
            for (qsizetype i = 0; i < std::max(a.size(), e.size()); ++i)
                if (a.value(i) != e.value(i))
                    QFAIL(qPrintable(QStringLiteral("%1 differs at line %2:\n  golden: %3\n  now:    %4")
                                         .arg(file)
                                         .arg(i + 1)
                                         .arg(QString::fromUtf8(e.value(i)), QString::fromUtf8(a.value(i)))));
        }
    }

    QString writeBundle(const QString &config, const QString &task)
    {
        const mplug2::app::ModelBundle b = mplug2::test::fixtureBundle(m_shared, m_cases, config, task);
        const QString dir = m_sandbox.filePath(QStringLiteral("bundles/") + b.id);
        QDir().mkpath(dir);
        return b.save(dir + QStringLiteral("/manifest.json")) ? dir : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_sandbox.isValid());
        qputenv("LC_ALL", "C"); // the English texts, whatever the machine's language
        qputenv("LANGUAGE", "");
        m_shared = QString::fromStdString(mplug2::test::sharedDir());
        if (!m_shared.isEmpty())
            m_cases = mplug2::test::readCases(m_shared);
    }

    void helpOfEveryCommand()
    {
        const CliRun top = run({QStringLiteral("--help")});
        QCOMPARE(top.exitCode, 0);
        QString text = top.out;
        text.replace(QStringLiteral(MPLUG2_CLI_PATH), QStringLiteral("mplug2"));
        compareWithGolden(QStringLiteral("help/mplug2.txt"), text.toUtf8());

        const QString fromListing = top.out.mid(top.out.indexOf(QStringLiteral("Commands:")));
        const QString commands = fromListing.left(fromListing.indexOf(QStringLiteral("\n\n")));
        const QRegularExpression entry(QStringLiteral("^  (\\S+) "), QRegularExpression::MultilineOption);
        QStringList seen;
        for (auto it = entry.globalMatch(commands); it.hasNext();) {
            const QString command = it.next().captured(1);
            const CliRun r = run({command, QStringLiteral("--help")});
            QCOMPARE(r.exitCode, 0);
            compareWithGolden(QStringLiteral("help/%1.txt").arg(command), r.out.toUtf8());
            seen << command;
        }
        QCOMPARE(seen.size(), 20);
        // No golden file is left over from a command that went away.
        if (!updating())
            for (const QString &file : QDir(kGolden + QStringLiteral("help")).entryList(QDir::Files))
                QVERIFY2(
                    file == QLatin1String("mplug2.txt") || seen.contains(QFileInfo(file).completeBaseName()),
                    qPrintable(file));
    }

    void jsonShapes_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("args");
        const QString image = QStringLiteral("@fixtures/media/image.png");
        const QString cpu = QStringLiteral("--device=cpu");
        QTest::newRow("caption") << "caption"
                                 << QStringList {QStringLiteral("caption"), QStringLiteral("--json"),
                                        QStringLiteral("--model=@caption"), cpu, image};
        QTest::newRow("caption-nbest")
            << "caption-nbest"
            << QStringList {QStringLiteral("caption"), QStringLiteral("--json"),
                   QStringLiteral("--model=@caption"), cpu, QStringLiteral("--num-results=2"), image};
        QTest::newRow("ask") << "ask"
                             << QStringList {QStringLiteral("ask"), QStringLiteral("--json"),
                                    QStringLiteral("--model=@qa"), cpu,
                                    QStringLiteral("--question=what is it?"), image};
        QTest::newRow("classify") << "classify"
                                  << QStringList {QStringLiteral("classify"), QStringLiteral("--json"),
                                         QStringLiteral("--model=@caption"), cpu,
                                         QStringLiteral("--labels=a circle,a square"), image};
        QTest::newRow("tokenize") << "tokenize"
                                  << QStringList {QStringLiteral("tokenize"), QStringLiteral("--json"),
                                         QStringLiteral("--vocab=" MPLUG2_SOURCE_DIR
                                                        "/resources/vocab/bert-base-uncased-vocab.txt"),
                                         QStringLiteral("a red circle")};
        QTest::newRow("inspect") << "inspect"
                                 << QStringList {QStringLiteral("inspect"), QStringLiteral("--json"),
                                        QStringLiteral("@fixtures/tiny-a/caption.pth")};
        QTest::newRow("models-list") << "models-list"
                                     << QStringList {QStringLiteral("models"), QStringLiteral("list"),
                                            QStringLiteral("--json"),
                                            QStringLiteral("--catalogue=" MPLUG2_SOURCE_DIR
                                                           "/resources/models/catalogue.json")};
    }
    void jsonShapes()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, args);
        MPLUG2_REQUIRE_SHARED(m_shared);
        for (QString &a : args) {
            a.replace(QStringLiteral("@fixtures/"), m_shared + QStringLiteral("/fixtures/"));
            a.replace(
                QStringLiteral("@caption"), writeBundle(QStringLiteral("tiny-a"), QStringLiteral("caption")));
            a.replace(QStringLiteral("@qa"), writeBundle(QStringLiteral("tiny-a"), QStringLiteral("qa")));
        }
        const CliRun r = run(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QByteArray shapes;
        for (const QByteArray &line : r.out.toUtf8().split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
            QVERIFY2(error.error == QJsonParseError::NoError, line.constData());
            shapes += "keys: " + topLevelKeyOrder(line).join(QStringLiteral(", ")).toUtf8() + '\n';
            shapes += QJsonDocument(
                shapeOf(doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array())).toObject())
                          .toJson(QJsonDocument::Indented);
            break; // one line per media item, all of one shape
        }
        QVERIFY2(!shapes.isEmpty(), "no JSON printed");
        compareWithGolden(QStringLiteral("json/%1.txt").arg(name), shapes);
    }
};

QTEST_GUILESS_MAIN(CliGoldenTest)
#include "cligoldentest.moc"
