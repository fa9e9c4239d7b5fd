// The tokenizer parity checks against the golden fixtures: every case of a
// tokenizer kind in cases.json must pass, and a fixture that disagrees with
// the official tokenizer must be caught.
#include "model/text/tokenizerparity.h"

#include "base/json/json.h"
#include "tests/support/qtestshared.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

namespace json = mplug2::json;
using mplug2::json::Json;
using namespace mplug2::model::text;

class TokenizerParityTest : public QObject {
    Q_OBJECT

    QString m_shared;
    std::filesystem::path m_fixtures;
    json::Json m_cases;

    static QString describe(const TokenizerParityResult &r)
    {
        QString text = QString::fromStdString(r.caseId + ": " + r.summary);
        int shown = 0;
        for (const TokenizerParityCheck &c : r.checks) {
            if (!c.passed && shown++ < 20)
                text += QString::fromStdString("\n  " + c.name + ": " + c.detail);
        }
        return text;
    }

    std::vector<json::View> tokenizerCases() const
    {
        std::vector<json::View> found;
        for (json::View c : json::View(m_cases)["cases"].items()) {
            if (isTokenizerParityKind(c["kind"].asString()))
                found.push_back(c);
        }
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        MPLUG2_REQUIRE_SHARED(m_shared);
        m_fixtures = std::filesystem::path(m_shared.toStdString()) / "fixtures";
        auto cases = json::parseFile((m_fixtures / "cases.json").string());
        QVERIFY2(cases.hasValue(), cases ? "" : cases.error().message.c_str());
        m_cases = *cases;
    }

    void everyTokenizerCasePasses()
    {
        const auto cases = tokenizerCases();
        QVERIFY2(cases.size() >= 2, "cases.json lists no tokenizer and clip_tokenizer cases");
        const TokenizerParityFiles files = defaultTokenizerParityFiles(m_fixtures);
        for (const json::View c : cases) {
            const TokenizerParityResult r = checkTokenizerCase(c, m_fixtures, files);
            qInfo("%s", qPrintable(describe(r)));
            QVERIFY2(r.status == ParityStatus::Passed, qPrintable(describe(r)));
            QVERIFY(r.checks.size() >= 10);
        }
    }

    void aWrongExpectationIsReported()
    {
        // Copy tokenizer.json with one expected id changed: the check must fail
        // and name the place.
        auto original = json::parseFile((m_fixtures / "tokenizer.json").string());
        QVERIFY(original.hasValue());
        json::Json changed = *original;
        json::Json encode = json::Json::array();
        const std::vector<json::View> entries = json::View(*original)["encode"].items();
        QVERIFY(!entries.empty());
        for (std::size_t i = 0; i < entries.size(); ++i) {
            json::Json e = entries[i].toJson();
            if (i == 0) {
                json::Json ids = json::Json::array();
                for (json::View id : entries[i]["input_ids"].items())
                    ids.push_back(json::Json(id.asInt() + 1));
                e["input_ids"] = ids;
            }
            encode.push_back(e);
        }
        changed["encode"] = encode;
        const auto vocab
            = std::filesystem::path(m_shared.toStdString()) / "data" / "bert-base-uncased-vocab.txt";
        const TokenizerParityResult r = checkWordPieceCases(changed, vocab, "mutated");
        QCOMPARE(r.status, ParityStatus::Failed);
        QCOMPARE(r.failedChecks(), std::size_t(1));
        QVERIFY2(r.summary.find("encode[0].input_ids") != std::string::npos, r.summary.c_str());
    }

    void aFixtureFolderElsewhereWorksWithExplicitVocabularies()
    {
        // Same layout in another folder (no ../data beside it): the files
        // option points at the vocabularies.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::filesystem::path folder = dir.path().toStdString();
        std::filesystem::copy_file(m_fixtures / "tokenizer.json", folder / "tokenizer.json");
        TokenizerParityFiles files = defaultTokenizerParityFiles(folder);
        for (const json::View c : tokenizerCases()) {
            const TokenizerParityResult missing = checkTokenizerCase(c, folder, files);
            QCOMPARE(missing.status, ParityStatus::Skipped);
            QVERIFY2(missing.summary.find("not found") != std::string::npos, missing.summary.c_str());
        }
        files.dataDir = std::filesystem::path(m_shared.toStdString()) / "data";
        for (const json::View c : tokenizerCases())
            QCOMPARE(checkTokenizerCase(c, folder, files).status, ParityStatus::Passed);
    }

    void anEmptyFixtureIsNotAPass()
    {
        const auto vocab
            = std::filesystem::path(m_shared.toStdString()) / "data" / "bert-base-uncased-vocab.txt";
        const TokenizerParityResult r = checkWordPieceCases(json::Json::object(), vocab, "empty");
        QCOMPARE(r.status, ParityStatus::Failed);
    }
};

QTEST_GUILESS_MAIN(TokenizerParityTest)
#include "tokenizerparitytest.moc"
