#pragma once

#include <QDialog>

namespace pmkv {

// What the small pictures of the trees mean (Help > Legend): the badge letters of the files
// and keys (P, R, E, S, L), the problem badges, and the shape of every sync state.
class LegendDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit LegendDialog(QWidget* parent = nullptr);

    // Every line the dialog shows, one a line (for tests and the status bar's tooltip).
    static QString legendText();
};

} // namespace pmkv
