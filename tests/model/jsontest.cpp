// base/json: nlohmann::ordered_json behind our size and depth limits, the
// lenient View the parity runner and the Qt-free tools read with, and the
// compact dump they write.
#include "base/json/json.h"

#include "tests/support/qtestshared.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace mplug2;

class JsonTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesNestedDocument()
    {
        auto doc = json::parse(
            "{\"id\": \"tiny-a/caption/video\", \"n\": 3, \"x\": -1.5e-3,\n"
            "            \"ok\": true, \"none\": null, \"list\": [1, 2, [3]], \"obj\": {\"k\": \"v\"}}");
        QVERIFY2(doc.hasValue(), doc ? "" : doc.error().message.c_str());
        const json::View d = *doc;
        QCOMPARE(QString::fromStdString(d["id"].asString()), QStringLiteral("tiny-a/caption/video"));
        QVERIFY(d["n"].isInteger());
        QCOMPARE(d["n"].asInt(), 3);
        QVERIFY(!d["x"].isInteger());
        QCOMPARE(d["x"].asDouble(), -1.5e-3);
        QCOMPARE(d["ok"].asBool(), true);
        QVERIFY(d["none"].isNull());
        QCOMPARE(d["list"].size(), std::size_t(3));
        QCOMPARE(d["list"][2][0].asInt(), 3);
        QCOMPARE(QString::fromStdString(d["obj"]["k"].asString()), QStringLiteral("v"));
        QCOMPARE(d.members().front().first, std::string("id")); // document order
        QCOMPARE(d.members().back().first, std::string("obj"));
    }

    void readingNeverThrows()
    {
        auto doc = json::parse("{\"s\": \"text\", \"n\": 2.9, \"a\": [1]}");
        QVERIFY(doc.hasValue());
        const json::View d = *doc;
        // Missing keys, wrong types, out-of-range indices: null or the fallback.
        QVERIFY(d["missing"]["deeper"].isNull());
        QCOMPARE(d["missing"].asInt(7), 7);
        QCOMPARE(d["s"].asInt(5), 5);
        QCOMPARE(d["s"][0].asString(), std::string());
        QCOMPARE(d["n"]["k"].asDouble(1.5), 1.5);
        QCOMPARE(d["n"].asInt(), 2); // truncated toward zero
        QCOMPARE(d["a"][1].asInt(-1), -1);
        QCOMPARE(d["a"][-1].asInt(-1), -1);
        QCOMPARE(d["n"].asString(), std::string());
        QVERIFY(d["s"].items().empty() && d["a"].members().empty());
        QCOMPARE(json::View()["x"].size(), std::size_t(0));
        QVERIFY(!d.contains("missing") && d.contains("s"));
        // The document was not changed by looking (no nulls inserted).
        QCOMPARE(doc->size(), std::size_t(3));
    }

    void keepsLargeIntegersExact()
    {
        auto doc = json::parse("[9007199254740993, -9223372036854775808, 18446744073709551615]");
        QVERIFY(doc.hasValue());
        const json::View d = *doc;
        QCOMPARE(d[0].asInt(), std::int64_t(9007199254740993LL));
        QCOMPARE(d[1].asInt(), std::numeric_limits<std::int64_t>::min());
        QCOMPARE(d[2].asInt(), std::numeric_limits<std::int64_t>::max()); // clamped, not wrapped
    }

    void decodesEscapesAndRefusesLoneSurrogates()
    {
        auto doc = json::parse("[\"a\\\"b\\\\c\\/\\n\\t\", \"\\u00e9\\u4e2d\", \"\\ud83d\\ude00\"]");
        QVERIFY(doc.hasValue());
        const json::View d = *doc;
        QCOMPARE(d[0].asString(), std::string("a\"b\\c/\n\t"));
        QCOMPARE(d[1].asString(), std::string("\xc3\xa9\xe4\xb8\xad"));
        QCOMPARE(d[2].asString(), std::string("\xf0\x9f\x98\x80"));
        // RFC 8259 strings are Unicode: a lone surrogate is malformed input.
        QVERIFY(!json::parse("[\"\\udc00\"]"));
    }

    void rejectsMalformedInputWithPosition_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("trailing comma") << "[1,]";
        QTest::newRow("unterminated string") << "\"abc";
        QTest::newRow("bad literal") << "tru";
        QTest::newRow("trailing garbage") << "{} x";
        QTest::newRow("missing colon") << "{\"a\" 1}";
        QTest::newRow("lone minus") << "-";
        QTest::newRow("control char") << "\"a\x01\"";
        QTest::newRow("bad escape") << "\"\\q\"";
        QTest::newRow("invalid utf-8") << QString::fromLatin1("\"\xff\"");
    }
    void rejectsMalformedInputWithPosition()
    {
        QFETCH(QString, text);
        const std::string bytes
            = text == QString::fromLatin1("\"\xff\"") ? std::string("\"\xff\"") : text.toStdString();
        auto doc = json::parse(bytes);
        QVERIFY(!doc.hasValue());
        QCOMPARE(doc.error().code, ErrorCode::Format);
        QVERIFY2(doc.error().message.find("at byte") != std::string::npos, doc.error().message.c_str());
    }

    void boundsNestingDepth()
    {
        const std::string deep = std::string(100000, '[') + std::string(100000, ']');
        auto doc = json::parse(deep);
        QVERIFY(!doc.hasValue());
        QCOMPARE(doc.error().code, ErrorCode::Format);
        QVERIFY(doc.error().message.find("nesting") != std::string::npos);
        QVERIFY(json::parse(std::string(200, '[') + std::string(200, ']')).hasValue());
        QVERIFY(!json::parse(std::string(20, '[') + std::string(20, ']'), 10).hasValue());
        const std::string objects = [] {
            std::string s;
            for (int i = 0; i < 300; ++i)
                s += "{\"a\":";
            s += "1";
            return s + std::string(300, '}');
        }();
        QVERIFY(!json::parse(objects).hasValue());
    }

    void boundsFileSize()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("big.json")).toStdString();
        QFile f(QString::fromStdString(path));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[" + QByteArray(1000, ' ') + "1]");
        f.close();
        QVERIFY(json::parseFile(path).hasValue());
        const auto refused = json::parseFile(path, 100);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::LimitExceeded);
        QVERIFY(!json::parseFile("/nonexistent/cases.json"));
        QCOMPARE(json::parseFile("/nonexistent/cases.json").error().code, ErrorCode::NotFound);
    }

    void dumpRoundTripsInTheCompactForm()
    {
        json::Json obj = json::Json::object();
        obj["name"] = "x\"y\n";
        obj["pi"] = 3.141592653589793;
        json::Json ids = json::Json::array();
        ids.push_back(101);
        ids.push_back(std::int64_t(102));
        obj["ids"] = ids;
        obj["flag"] = false;
        obj["none"] = std::numeric_limits<double>::quiet_NaN();
        for (int indent : {-1, 2}) {
            auto back = json::parse(json::dump(obj, indent));
            QVERIFY(back.hasValue());
            QCOMPARE(json::dump(*back), json::dump(obj));
            QCOMPARE(json::View(*back)["pi"].asDouble(), 3.141592653589793);
            QCOMPARE(json::View(*back)["ids"].size(), std::size_t(2));
        }
        QCOMPARE(json::dump(obj),
            std::string("{\"name\": \"x\\\"y\\n\", \"pi\": 3.141592653589793, \"ids\": [101, 102], \"flag\": "
                        "false, \"none\": null}"));
        QCOMPARE(json::dump(json::Json::array()), std::string("[]"));
        // Invalid UTF-8 in a string is replaced, not thrown.
        QCOMPARE(json::dump(json::Json(std::string("a\xff"))), std::string("\"a\xef\xbf\xbd\""));
    }

    void readsTheFixtureManifest()
    {
        QString shared;
        MPLUG2_REQUIRE_SHARED(shared);
        auto doc = json::parseFile((shared + QStringLiteral("/fixtures/cases.json")).toStdString());
        QVERIFY2(doc.hasValue(), doc ? "" : doc.error().message.c_str());
        const json::View d = *doc;
        QCOMPARE(QString::fromStdString(d["schema"].asString()), QStringLiteral("mplug2-golden-fixtures/1"));
        QVERIFY(d["cases"].size() > 0);
        for (json::View c : d["cases"].items())
            QVERIFY(!c["id"].asString().empty() && !c["kind"].asString().empty());
    }
};

QTEST_GUILESS_MAIN(JsonTest)
#include "jsontest.moc"
