// JsonValue: the reader the parity runner and Qt-free tools rely on.
#include "model/json/jsonvalue.h"

#include "tests/support/qtestshared.h"

#include <QTest>

using mplug2::model::JsonValue;

class JsonValueTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesNestedDocument()
    {
        auto doc = JsonValue::parse(
            "{\"id\": \"tiny-a/caption/video\", \"n\": 3, \"x\": -1.5e-3,\n"
            "            \"ok\": true, \"none\": null, \"list\": [1, 2, [3]], \"obj\": {\"k\": \"v\"}}");
        QVERIFY2(doc.hasValue(), doc ? "" : doc.error().message.c_str());
        const JsonValue &d = *doc;
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
        QVERIFY(d["missing"]["deeper"].isNull());
        QCOMPARE(d["missing"].asInt(7), 7);
        QCOMPARE(d.members().front().first, std::string("id"));
    }

    void keepsLargeIntegersExact()
    {
        auto doc = JsonValue::parse("[9007199254740993, -9223372036854775808]");
        QVERIFY(doc.hasValue());
        QCOMPARE((*doc)[0].asInt(), std::int64_t(9007199254740993LL));
        QCOMPARE((*doc)[1].asInt(), std::numeric_limits<std::int64_t>::min());
    }

    void decodesEscapesAndSurrogates()
    {
        auto doc = JsonValue::parse(
            "[\"a\\\"b\\\\c\\/\\n\\t\", \"\\u00e9\\u4e2d\", \"\\ud83d\\ude00\", \"\\udc00\"]");
        QVERIFY(doc.hasValue());
        QCOMPARE((*doc)[0].asString(), std::string("a\"b\\c/\n\t"));
        QCOMPARE((*doc)[1].asString(), std::string("\xc3\xa9\xe4\xb8\xad"));
        QCOMPARE((*doc)[2].asString(), std::string("\xf0\x9f\x98\x80"));
        QCOMPARE((*doc)[3].asString(), std::string("\xef\xbf\xbd")); // lone surrogate -> U+FFFD
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
    }
    void rejectsMalformedInputWithPosition()
    {
        QFETCH(QString, text);
        auto doc = JsonValue::parse(text.toStdString());
        QVERIFY(!doc.hasValue());
        QCOMPARE(doc.error().code, mplug2::ErrorCode::Format);
        QVERIFY2(doc.error().message.find("at byte") != std::string::npos, doc.error().message.c_str());
    }

    void boundsNestingDepth()
    {
        const std::string deep = std::string(100000, '[') + std::string(100000, ']');
        auto doc = JsonValue::parse(deep);
        QVERIFY(!doc.hasValue());
        QVERIFY(doc.error().message.find("nesting") != std::string::npos);
        QVERIFY(JsonValue::parse(std::string(200, '[') + std::string(200, ']')).hasValue());
    }

    void dumpRoundTrips()
    {
        JsonValue obj = JsonValue::object();
        obj.set("name", "x\"y\n");
        obj.set("pi", 3.141592653589793);
        obj.set("ids", JsonValue::array());
        JsonValue ids = JsonValue::array();
        ids.append(101);
        ids.append(std::int64_t(102));
        obj.set("ids", ids);
        obj.set("flag", false);
        for (int indent : {-1, 2}) {
            auto back = JsonValue::parse(obj.dump(indent));
            QVERIFY(back.hasValue());
            QCOMPARE(back->dump(), obj.dump());
            QCOMPARE((*back)["pi"].asDouble(), 3.141592653589793);
            QCOMPARE((*back)["ids"].size(), std::size_t(2));
        }
        QCOMPARE(obj.dump(),
            std::string("{\"name\": \"x\\\"y\\n\", \"pi\": 3.141592653589793, \"ids\": [101, 102], \"flag\": "
                        "false}"));
    }

    void readsTheFixtureManifest()
    {
        QString shared;
        MPLUG2_REQUIRE_SHARED(shared);
        auto doc = JsonValue::parseFile((shared + QStringLiteral("/fixtures/cases.json")).toStdString());
        QVERIFY2(doc.hasValue(), doc ? "" : doc.error().message.c_str());
        QCOMPARE(
            QString::fromStdString((*doc)["schema"].asString()), QStringLiteral("mplug2-golden-fixtures/1"));
        QVERIFY((*doc)["cases"].size() > 0);
        for (const JsonValue &c : (*doc)["cases"].items())
            QVERIFY(!c["id"].asString().empty() && !c["kind"].asString().empty());
        QVERIFY(!JsonValue::parseFile("/nonexistent/cases.json").hasValue());
    }
};

QTEST_GUILESS_MAIN(JsonValueTest)
#include "jsonvaluetest.moc"
