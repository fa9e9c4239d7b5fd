#pragma once
/// The main window: menus, the media list, the viewer area and the status bar.
/// Window geometry and recent files persist in QSettings.
///
///     mplug2::ui::MainWindow w;
///     w.openMedia({"clip.mp4"});
///     w.show();

#include <QMainWindow>
#include <QStringList>

class QLabel;
class QListWidget;
class QMenu;

namespace mplug2::ui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Adds existing files to the media list (missing ones are reported in
    /// the status bar) and remembers them as recent files.
    void openMedia(const QStringList &paths);
    QStringList mediaFiles() const;

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createMenus();
    void chooseFiles();
    void chooseFolder();
    void showAbout();
    void rebuildRecentMenu();

    QListWidget *m_mediaList = nullptr;
    QLabel *m_viewer = nullptr;
    QMenu *m_recentMenu = nullptr;
};

} // namespace mplug2::ui
