// The task panel's classify inputs (issue 23, item 4): the app classifies with
// the engine's default template, the one the CLI uses, unless the user chose
// another; the old default "{}", which every earlier version saved, gives way
// to it, and a template the user chose survives a restart.
#include "ui/task/taskpanel.h"

#include <QLineEdit>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace mplug2;
using mplug2::ui::StudioTask;
using mplug2::ui::TaskPanel;

namespace {

QString classifyTemplate(const TaskPanel &panel)
{
    const Expected<app::EngineRequest> r = panel.buildRequest(QStringLiteral("/videos/shapes.mp4"));
    return r ? r->labelTemplate : QStringLiteral("<%1>").arg(QString::fromStdString(r.error().message));
}

} // namespace

class TaskPanelTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString settingsFile(const QString &name) const { return m_dir.filePath(name + QStringLiteral(".ini")); }

    /// Classify two labels (after restoreSettings(), which sets the task and the labels too).
    void prepare(TaskPanel &panel)
    {
        panel.setTask(StudioTask::Classify);
        auto *labels = panel.findChild<QLineEdit *>(QStringLiteral("labelsEdit"));
        QVERIFY(labels);
        labels->setText(QStringLiteral("red circle, blue square"));
    }

private Q_SLOTS:
    void classifiesWithTheEnginesDefault()
    {
        TaskPanel panel;
        prepare(panel);
        QCOMPARE(classifyTemplate(panel), app::EngineRequest {}.labelTemplate);
        const Expected<app::EngineRequest> r = panel.buildRequest(QStringLiteral("/videos/shapes.mp4"));
        QVERIFY(r);
        QCOMPARE(r->classifyMethod, app::EngineRequest {}.classifyMethod);
    }

    void theOldSavedDefaultGivesWayAndAChoiceIsKept()
    {
        QVERIFY(m_dir.isValid());
        // What every earlier version saved for a user who never touched the template.
        {
            QSettings old(settingsFile(QStringLiteral("old")), QSettings::IniFormat);
            old.setValue(QStringLiteral("task/labelTemplate"), QStringLiteral("{}"));
        }
        {
            TaskPanel panel;
            panel.restoreSettings(QSettings(settingsFile(QStringLiteral("old")), QSettings::IniFormat));
            prepare(panel);
            QCOMPARE(classifyTemplate(panel), app::EngineRequest {}.labelTemplate);
        }
        // A template the user chose, old or new key, survives a restart.
        {
            QSettings chosen(settingsFile(QStringLiteral("chosen")), QSettings::IniFormat);
            chosen.setValue(QStringLiteral("task/labelTemplate"), QStringLiteral("a picture of a {}"));
        }
        {
            TaskPanel panel;
            panel.restoreSettings(QSettings(settingsFile(QStringLiteral("chosen")), QSettings::IniFormat));
            prepare(panel);
            QCOMPARE(classifyTemplate(panel), QStringLiteral("a picture of a {}"));
            QSettings again(settingsFile(QStringLiteral("chosen")), QSettings::IniFormat);
            panel.saveSettings(again);
        }
        {
            TaskPanel panel;
            panel.restoreSettings(QSettings(settingsFile(QStringLiteral("chosen")), QSettings::IniFormat));
            prepare(panel);
            QCOMPARE(classifyTemplate(panel), QStringLiteral("a picture of a {}"));
            // Back to the default: nothing of the choice is left to come back.
            panel.findChild<QLineEdit *>(QStringLiteral("labelTemplateEdit"))
                ->setText(app::EngineRequest {}.labelTemplate);
            QSettings again(settingsFile(QStringLiteral("chosen")), QSettings::IniFormat);
            panel.saveSettings(again);
        }
        TaskPanel panel;
        panel.restoreSettings(QSettings(settingsFile(QStringLiteral("chosen")), QSettings::IniFormat));
        prepare(panel);
        QCOMPARE(classifyTemplate(panel), app::EngineRequest {}.labelTemplate);
    }
};

QTEST_MAIN(TaskPanelTest)
#include "taskpaneltest.moc"
