#pragma once
/// Qt Test helpers for suites that read ../shared: skip with a reason in a
/// plain clone, fail in CI (CI=true), where the folder must be there.
///
///     void MyTest::initTestCase() { MPLUG2_REQUIRE_SHARED(m_shared); }

#include "tests/support/shareddir.h"

#include <QString>
#include <QTest>

#define MPLUG2_REQUIRE_SHARED(outDir)                                                                        \
    do {                                                                                                     \
        const std::string mplug2SharedDir_ = mplug2::test::sharedDir();                                      \
        if (mplug2SharedDir_.empty()) {                                                                      \
            if (mplug2::test::sharedRequired())                                                              \
                QFAIL(mplug2::test::sharedMissingReason().c_str());                                          \
            QSKIP(mplug2::test::sharedMissingReason().c_str());                                              \
        }                                                                                                    \
        (outDir) = QString::fromStdString(mplug2SharedDir_);                                                 \
    } while (false)
