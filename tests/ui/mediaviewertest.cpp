// The viewer on generated media: a video opens with its sampled frames in
// the filmstrip and on the timeline, plays, pauses, seeks and steps to the
// right frames (checked against ffmpeg's own decoding); pictures and broken
// files behave.
#include "ui/viewer/mediaviewer.h"

#include "tests/support/mediafactory.h"
#include "ui/viewer/filmstripwidget.h"
#include "ui/viewer/timelinewidget.h"

#include <QBoxLayout>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace mplug2;
using mplug2::ui::MediaViewer;

namespace {
constexpr int kWidth = 64;
constexpr int kHeight = 48;
constexpr int kFps = 10;
constexpr int kFrames = 30;

/// The frame ffmpeg decodes at `index`, as a QImage.
QImage referenceFrame(const QByteArray &rgb, int index)
{
    const qsizetype frameBytes = qsizetype(kWidth) * kHeight * 3;
    QImage image(reinterpret_cast<const uchar *>(rgb.constData() + index * frameBytes), kWidth, kHeight,
        kWidth * 3, QImage::Format_RGB888);
    return image.copy();
}
} // namespace

class MediaViewerTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (test::MediaFactory::ffmpeg().isEmpty())
            QSKIP("the ffmpeg command-line tool is not installed");
        QVERIFY(m_dir.isValid());
        test::MediaFactory media(m_dir.path());
        m_video = media.make(QStringLiteral("clip.mp4"),
            {"-f", "lavfi", "-i",
                QStringLiteral("testsrc2=size=%1x%2:rate=%3").arg(kWidth).arg(kHeight).arg(kFps), "-t",
                QString::number(kFrames / kFps), "-pix_fmt", "yuv420p", "-c:v", "libx264", "-g", "8"});
        QVERIFY2(!m_video.isEmpty(), qPrintable(media.lastError()));
        m_reference = media.decodeRgb(m_video);
        QCOMPARE(m_reference.size(), qsizetype(kWidth) * kHeight * 3 * kFrames);
        m_picture = media.make(
            QStringLiteral("picture.png"), {"-f", "lavfi", "-i", "color=c=red:size=40x30", "-frames:v", "1"});
        QVERIFY2(!m_picture.isEmpty(), qPrintable(media.lastError()));
    }

    void theTimelineFrameShowsOnlyForKeyboardFocus()
    {
        QWidget window;
        auto *button = new QPushButton(QStringLiteral("before"), &window);
        auto *timeline = new ui::TimelineWidget(&window);
        auto *layout = new QVBoxLayout(&window);
        layout->addWidget(button);
        layout->addWidget(timeline);
        timeline->setDuration(3.0);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        button->setFocus(Qt::OtherFocusReason);
        const QImage unfocused = timeline->grab().toImage();
        // The focus given by the program (as at start) or by a click: no frame.
        timeline->setFocus(Qt::OtherFocusReason);
        QVERIFY(timeline->hasFocus());
        QCOMPARE(timeline->grab().toImage(), unfocused);
        // Tabbed to: the frame shows where the keyboard is.
        button->setFocus(Qt::OtherFocusReason);
        QTest::keyClick(button, Qt::Key_Tab);
        QVERIFY(timeline->hasFocus());
        QVERIFY(timeline->grab().toImage() != unfocused);
    }

    void videoOpensWithItsSampledFrames()
    {
        MediaViewer viewer;
        viewer.setSampling(8, app::FrameSampling::Middle);
        QSignalSpy opened(&viewer, &MediaViewer::mediaOpened);
        viewer.setMedia(m_video);
        QVERIFY(opened.wait(20000));
        const auto facts = opened.first().first().value<app::MediaFacts>();
        QVERIFY(facts.isVideo);
        QCOMPARE(facts.frameCount, qint64(kFrames));
        QTRY_COMPARE_WITH_TIMEOUT(viewer.filmstrip()->frameCount(), 8, 20000);
        const QList<double> times = viewer.filmstrip()->frameTimes();
        for (int i = 1; i < times.size(); ++i)
            QVERIFY(times.at(i) > times.at(i - 1));
        QVERIFY(times.first() > 0.0 && times.last() < facts.durationSeconds);
        QCOMPARE(viewer.timeline()->sampleTimes(), times);
        QTRY_VERIFY_WITH_TIMEOUT(!viewer.frameView()->image().isNull(), 20000);
        QCOMPARE(viewer.frameView()->image(), referenceFrame(m_reference, 0));
    }

    void seekAndStepShowTheRightFrames()
    {
        MediaViewer viewer;
        QSignalSpy opened(&viewer, &MediaViewer::mediaOpened);
        viewer.setMedia(m_video);
        QVERIFY(opened.wait(20000));
        QSignalSpy moved(&viewer, &MediaViewer::positionChanged);
        viewer.seek(2.0);
        QTRY_VERIFY_WITH_TIMEOUT(qAbs(viewer.position() - 2.0) < 1e-6, 20000);
        QCOMPARE(viewer.frameView()->image(), referenceFrame(m_reference, 20));
        viewer.stepForward();
        QTRY_VERIFY_WITH_TIMEOUT(qAbs(viewer.position() - 2.1) < 1e-6, 20000);
        QCOMPARE(viewer.frameView()->image(), referenceFrame(m_reference, 21));
        viewer.stepBackward();
        viewer.stepBackward();
        QTRY_VERIFY_WITH_TIMEOUT(
            qAbs(viewer.position() - 1.9) < 1e-6 || qAbs(viewer.position() - 2.0) < 1e-6, 20000);
    }

    void timelineClickSeeks()
    {
        MediaViewer viewer;
        viewer.resize(600, 400);
        viewer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&viewer));
        QSignalSpy opened(&viewer, &MediaViewer::mediaOpened);
        viewer.setMedia(m_video);
        QVERIFY(opened.wait(20000));
        ui::TimelineWidget *timeline = viewer.timeline();
        const int x = timeline->xForSeconds(1.5);
        QTest::mouseClick(timeline, Qt::LeftButton, {}, QPoint(x, timeline->height() / 2));
        QTRY_VERIFY_WITH_TIMEOUT(qAbs(viewer.position() - 1.5) <= 0.1 + 1e-6, 20000);
    }

    void playsAndPauses()
    {
        MediaViewer viewer;
        QSignalSpy opened(&viewer, &MediaViewer::mediaOpened);
        viewer.setMedia(m_video);
        QVERIFY(opened.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(!viewer.frameView()->image().isNull(), 20000);
        viewer.play();
        QVERIFY(viewer.isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(viewer.position() >= 0.5, 20000);
        viewer.pause();
        QVERIFY(!viewer.isPlaying());
        const double stopped = viewer.position();
        QTest::qWait(300);
        QCOMPARE(viewer.position(), stopped);
        // Playing on reaches the end and stops there by itself.
        viewer.play();
        QTRY_VERIFY_WITH_TIMEOUT(!viewer.isPlaying(), 30000);
        QVERIFY(viewer.position() >= 2.9 - 1e-6);
    }

    void pictureHasNoTransport()
    {
        MediaViewer viewer;
        viewer.show();
        QSignalSpy opened(&viewer, &MediaViewer::mediaOpened);
        viewer.setMedia(m_picture);
        QVERIFY(opened.wait(20000));
        QVERIFY(!viewer.isVideo());
        QTRY_COMPARE_WITH_TIMEOUT(viewer.frameView()->image().size(), QSize(40, 30), 20000);
        QVERIFY(!viewer.timeline()->isVisible());
        const QColor pixel = viewer.frameView()->image().pixelColor(5, 5);
        QVERIFY2(pixel.red() > 240 && pixel.green() < 10 && pixel.blue() < 10, qPrintable(pixel.name()));
    }

    void brokenFileIsReported()
    {
        const QString broken = QDir(m_dir.path()).filePath(QStringLiteral("broken.mp4"));
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        MediaViewer viewer;
        QSignalSpy failed(&viewer, &MediaViewer::mediaFailed);
        viewer.setMedia(broken);
        QVERIFY(failed.wait(20000));
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("broken.mp4")),
            qPrintable(failed.first().first().toString()));
        QVERIFY(viewer.frameView()->image().isNull());
    }

private:
    QTemporaryDir m_dir;
    QString m_video;
    QString m_picture;
    QByteArray m_reference;
};

QTEST_MAIN(MediaViewerTest)
#include "mediaviewertest.moc"
