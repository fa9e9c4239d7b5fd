// ParityRunner over the shared fixtures: every model and tokenizer case passes
// on the CPU in fp32, and the runner really judges: a wrong head count, a zero tolerance and
// an unknown kind fail; a missing folder is a usage error.
#include "model/parity/parityrunner.h"

#include "model/parity/modelparitykinds.h"
#include "tests/support/qtestshared.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <sstream>

namespace json = mplug2::json;
using namespace mplug2::model;

class ParityRunnerTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sharedFixturesPassOnCpu();
    void wrongHeadCountFails();
    void zeroToleranceFails();
    void unknownKindFails();
    void missingFolderIsUsageError();
    void toleranceRulesFirstMatchWins();

private:
    /// A fixture folder in a temporary dir whose cases.json is `edit(original)`, the data linked.
    QString derivedFixtures(const std::function<void(QJsonObject &)> &edit);
    int runOn(const QString &dir, const std::string &filter, std::string *output,
        ParityRunner::Summary *summary = nullptr);

    QString m_shared;
    QTemporaryDir m_temp;
};

void ParityRunnerTest::initTestCase()
{
    MPLUG2_REQUIRE_SHARED(m_shared);
    QVERIFY(m_temp.isValid());
}

int ParityRunnerTest::runOn(
    const QString &dir, const std::string &filter, std::string *output, ParityRunner::Summary *summary)
{
    ParityOptions options;
    options.caseFilter = filter;
    ParityRunner runner(options);
    registerModelParityKinds(runner);
    std::ostringstream out;
    const int code = runner.run(dir.toStdString(), out);
    *output = out.str();
    if (summary)
        *summary = runner.summary();
    return code;
}

QString ParityRunnerTest::derivedFixtures(const std::function<void(QJsonObject &)> &edit)
{
    static int counter = 0;
    const QString fixtures = m_shared + QStringLiteral("/fixtures");
    const QString dir = m_temp.path() + QStringLiteral("/set%1").arg(++counter);
    QDir().mkpath(dir);
    for (const QString &sub : {QStringLiteral("tiny-a"), QStringLiteral("tiny-b"), QStringLiteral("media")})
        QFile::link(fixtures + QLatin1Char('/') + sub, dir + QLatin1Char('/') + sub);
    QFile in(fixtures + QStringLiteral("/cases.json"));
    if (!in.open(QIODevice::ReadOnly))
        return {};
    QJsonObject root = QJsonDocument::fromJson(in.readAll()).object();
    edit(root);
    QFile out(dir + QStringLiteral("/cases.json"));
    if (!out.open(QIODevice::WriteOnly))
        return {};
    out.write(QJsonDocument(root).toJson());
    return dir;
}

void ParityRunnerTest::sharedFixturesPassOnCpu()
{
    // What the manifest asks for: one run per model case and checkpoint it lists
    // (other fixture sets have other case lists, so nothing here is a fixed count).
    QFile manifest(m_shared + QStringLiteral("/fixtures/cases.json"));
    QVERIFY(manifest.open(QIODevice::ReadOnly));
    // The model kinds and the tokenizer kinds (exact ids and strings); the media
    // kinds need the app layer (mplug2 parity) and are skipped here.
    const QStringList modelKinds = {QStringLiteral("caption"), QStringLiteral("qa"),
        QStringLiteral("clip_embed"), QStringLiteral("tokenizer"), QStringLiteral("clip_tokenizer")};
    std::map<std::string, QString> kindOf;
    std::map<QString, int> wanted;
    for (const auto value :
        QJsonDocument::fromJson(manifest.readAll()).object().value(QStringLiteral("cases")).toArray()) {
        const QJsonObject c = value.toObject();
        const QString kind = c.value(QStringLiteral("kind")).toString();
        kindOf[c.value(QStringLiteral("id")).toString().toStdString()] = kind;
        if (modelKinds.contains(kind))
            wanted[kind]
                += 1 + static_cast<int>(c.value(QStringLiteral("also_checkpoints")).toArray().size());
    }
    QVERIFY(wanted[QStringLiteral("caption")] > 0 && wanted[QStringLiteral("qa")] > 0);

    std::string output;
    ParityRunner::Summary summary;
    const int code = runOn(m_shared + QStringLiteral("/fixtures"), "", &output, &summary);
    QVERIFY2(code == 0, output.c_str());
    QCOMPARE(summary.failed, 0);
    std::map<QString, int> passed;
    for (const CaseOutcome &o : summary.outcomes) {
        const QString kind = kindOf[o.id];
        if (o.status != CaseStatus::Passed || !modelKinds.contains(kind))
            continue;
        passed[kind] += 1;
        QVERIFY2(o.checks >= 7, o.id.c_str());
    }
    QCOMPARE(passed, wanted);
    QVERIFY(summary.worstDiff > 0.0 && summary.worstDiff < 1e-3);
    const std::string all = std::to_string(summary.passed + summary.skipped);
    const auto lastLine = output.substr(output.rfind("parity: "));
    QCOMPARE(summary.failed, 0);
    QVERIFY2(lastLine.rfind("parity: " + std::to_string(summary.passed) + "/" + all + " cases passed, "
                     + std::to_string(summary.skipped) + " skipped, worst max-abs-diff ",
                 0)
            == 0,
        lastLine.c_str());
}

void ParityRunnerTest::wrongHeadCountFails()
{
    const QString dir = derivedFixtures([](QJsonObject &root) {
        QJsonObject configs = root[QStringLiteral("configs")].toObject();
        QJsonObject tinyA = configs[QStringLiteral("tiny-a")].toObject();
        QJsonObject bert = tinyA[QStringLiteral("bert_config")].toObject();
        bert[QStringLiteral("num_attention_heads")] = 1; // the checkpoint was trained with 2
        tinyA[QStringLiteral("bert_config")] = bert;
        configs[QStringLiteral("tiny-a")] = tinyA;
        root[QStringLiteral("configs")] = configs;
    });
    QVERIFY(!dir.isEmpty());
    std::string output;
    ParityRunner::Summary summary;
    QCOMPARE(runOn(dir, "tiny-a/caption/image", &output, &summary), 1);
    QCOMPARE(summary.passed, 0);
    QCOMPARE(summary.failed, 2);
    QVERIFY2(output.find("image/vmodule_last_hidden: max-abs-diff") != std::string::npos, output.c_str());
}

void ParityRunnerTest::zeroToleranceFails()
{
    const QString dir = derivedFixtures([](QJsonObject &root) {
        QJsonObject tolerances;
        tolerances[QStringLiteral("rules")] = QJsonArray {
            QJsonObject {{QStringLiteral("contains"), QString()}, {QStringLiteral("atol"), 0.0}}};
        root[QStringLiteral("tolerances")] = tolerances;
    });
    std::string output;
    QCOMPARE(runOn(dir, "tiny-b/qa/video", &output), 1);
    QVERIFY2(output.find("FAIL tiny-b/qa/video") != std::string::npos, output.c_str());
    QVERIFY(output.find("parity: 0/1 cases passed") != std::string::npos);
}

void ParityRunnerTest::unknownKindFails()
{
    const QString dir = derivedFixtures([](QJsonObject &root) {
        root[QStringLiteral("cases")]
            = QJsonArray {QJsonObject {{QStringLiteral("id"), QStringLiteral("x/new")},
                              {QStringLiteral("kind"), QStringLiteral("hologram")}},
                QJsonObject {{QStringLiteral("id"), QStringLiteral("media/frames")},
                    {QStringLiteral("kind"), QStringLiteral("frame_indices")}}};
    });
    std::string output;
    ParityRunner::Summary summary;
    QCOMPARE(runOn(dir, "", &output, &summary), 1);
    QCOMPARE(summary.failed, 1);
    QCOMPARE(summary.skipped, 1);
    QVERIFY(output.find("no handler for case kind 'hologram'") != std::string::npos);
    // The skipped case counts in the total: "0/1" would hide it.
    QVERIFY2(output.find("parity: 0/2 cases passed, 1 skipped") != std::string::npos, output.c_str());
}

void ParityRunnerTest::missingFolderIsUsageError()
{
    std::string output;
    QCOMPARE(runOn(m_temp.path() + QStringLiteral("/nowhere"), "", &output), 2);
    QVERIFY(output.find("cases.json") != std::string::npos);
}

void ParityRunnerTest::toleranceRulesFirstMatchWins()
{
    auto json = json::parse(R"({"rules": [{"contains": "/dec/logits", "atol": 0.001},
                                               {"contains": "/dec/", "atol": 0.5},
                                               {"contains": "", "atol": 0.0001}]})");
    QVERIFY(json.hasValue());
    const ToleranceRules rules = ToleranceRules::fromJson(*json);
    QCOMPARE(rules.atolFor("video/dec/logits_cols"), 0.001);
    QCOMPARE(rules.atolFor("video/dec/logsumexp"), 0.5);
    QCOMPARE(rules.atolFor("video/visual"), 0.0001);
    QCOMPARE(rules.forPrecision(Precision::Fp32).relativeSlack(), 0.0);
    QVERIFY(rules.forPrecision(Precision::Bf16).relativeSlack()
        > rules.forPrecision(Precision::Fp16).relativeSlack());
}

QTEST_GUILESS_MAIN(ParityRunnerTest)
#include "parityrunnertest.moc"
