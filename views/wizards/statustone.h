#pragma once

class QLabel;

namespace pmkv {

// The colour of a word or mark that says how something stands (a checklist item that holds or
// fails, an unfinished run, an error under a form), made readable on the palette it shows in:
// at least 4.5:1 (WCAG AA) on the light and the dark palette alike. A fixed red read 2.5:1 on
// the dark palette's window, a fixed green 2.5:1 on the light one.
class StatusTone final
{
public:
    enum class Tone { Good, Bad };

    // Colours the text of `label` (its palette's window text), bold when asked.
    static void apply(QLabel* label, Tone tone, bool bold = false);
};

} // namespace pmkv
