#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace pmkv {

// Asks whether to stop a running job after its current batch and close; `onYes` runs when the
// user says yes. The box is opened, not exec()'d: no nested event loop.
void askToStopJob(QWidget* parent, const QString& text, const QString& objectName,
                  const std::function<void()>& onYes);

} // namespace pmkv
