#pragma once
/// Help ▸ About: what the app is, its version, and the licences of everything
/// it ships or links (from app::thirdPartyComponents()).

#include <QDialog>

namespace mplug2::ui {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);
};

} // namespace mplug2::ui
