// ParityRunner over the shared fixtures: every model case passes on the CPU in
// fp32, and the runner really judges: a wrong head count, a zero tolerance and
// an unknown kind fail; a missing folder is a usage error.
#include <torch/torch.h>

#include "model/parity/modelparitykinds.h"
#include "model/parity/parityrunner.h"
#include "tests/support/qtestshared.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sstream>

using namespace mplug2::model;

class ParityRunnerTest : public QObject {
    Q_OBJECT

private slots:
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

int ParityRunnerTest::runOn(const QString &dir, const std::string &filter, std::string *output,
                            ParityRunner::Summary *summary)
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
    std::string output;
    ParityRunner::Summary summary;
    const int code = runOn(m_shared + QStringLiteral("/fixtures"), "", &output, &summary);
    QVERIFY2(code == 0, output.c_str());
    QCOMPARE(summary.failed, 0);
    // Every caption, QA and CLIP case of both configurations, tiny-a's captions also from the fp16 copy.
    int captions = 0, qa = 0, clip = 0;
    for (const CaseOutcome &o : summary.outcomes) {
        if (o.status != CaseStatus::Passed)
            continue;
        captions += o.id.find("/caption/") != std::string::npos;
        qa += o.id.find("/qa/") != std::string::npos;
        clip += o.id.find("/clip") != std::string::npos;
        QVERIFY2(o.checks >= 7, o.id.c_str());
    }
    QCOMPARE(captions, 9);
    QCOMPARE(qa, 6);
    QCOMPARE(clip, 2);
    QVERIFY(summary.worstDiff > 0.0 && summary.worstDiff < 1e-3);
    const auto lastLine = output.substr(output.rfind("parity: "));
    QVERIFY2(lastLine.rfind("parity: 17/17 cases passed, worst max-abs-diff ", 0) == 0, lastLine.c_str());
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
        tolerances[QStringLiteral("rules")] = QJsonArray{QJsonObject{{QStringLiteral("contains"), QString()},
                                                                     {QStringLiteral("atol"), 0.0}}};
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
        root[QStringLiteral("cases")] = QJsonArray{
            QJsonObject{{QStringLiteral("id"), QStringLiteral("x/new")}, {QStringLiteral("kind"), QStringLiteral("hologram")}},
            QJsonObject{{QStringLiteral("id"), QStringLiteral("media/frames")},
                        {QStringLiteral("kind"), QStringLiteral("frame_indices")}}};
    });
    std::string output;
    ParityRunner::Summary summary;
    QCOMPARE(runOn(dir, "", &output, &summary), 1);
    QCOMPARE(summary.failed, 1);
    QCOMPARE(summary.skipped, 1);
    QVERIFY(output.find("no handler for case kind 'hologram'") != std::string::npos);
    QVERIFY(output.find("parity: 0/1 cases passed") != std::string::npos);
}

void ParityRunnerTest::missingFolderIsUsageError()
{
    std::string output;
    QCOMPARE(runOn(m_temp.path() + QStringLiteral("/nowhere"), "", &output), 2);
    QVERIFY(output.find("cases.json") != std::string::npos);
}

void ParityRunnerTest::toleranceRulesFirstMatchWins()
{
    auto json = JsonValue::parse(R"({"rules": [{"contains": "/dec/logits", "atol": 0.001},
                                               {"contains": "/dec/", "atol": 0.5},
                                               {"contains": "", "atol": 0.0001}]})");
    QVERIFY(json.hasValue());
    const ToleranceRules rules = ToleranceRules::fromJson(*json);
    QCOMPARE(rules.atolFor("video/dec/logits_cols"), 0.001);
    QCOMPARE(rules.atolFor("video/dec/logsumexp"), 0.5);
    QCOMPARE(rules.atolFor("video/visual"), 0.0001);
    QCOMPARE(rules.forPrecision(Precision::Fp32).relativeSlack(), 0.0);
    QVERIFY(rules.forPrecision(Precision::Bf16).relativeSlack() > rules.forPrecision(Precision::Fp16).relativeSlack());
}

QTEST_GUILESS_MAIN(ParityRunnerTest)
#include "parityrunnertest.moc"
