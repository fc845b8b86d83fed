#include "nextsteptext.h"

#include <QCoreApplication>

namespace pmkv {

QString NextStepText::sentence(const NextStep& step)
{
    using A = NextStep::Action;
    switch (step.action) {
    case A::ConfirmProd:
        return tr("Type the connection's name \"%1\" to write to it.").arg(step.detail);
    case A::FixConnection:
        return tr("Open Connections (Ctrl+K), select \"%1\", type its secret again and save it.")
            .arg(step.detail);
    case A::ChooseConnection:
        return tr("Choose a saved connection in Connections (Ctrl+K).");
    case A::ReplaceConnection:
        return tr("Type another name, or remove the saved \"%1\" first.").arg(step.detail);
    case A::KeepSecretElsewhere:
        return tr("Untick \"Remember in the system keychain\" to keep the secret for this "
                  "session only, or unlock the keyring and save again.");
    default:
        return QString();
    }
}

} // namespace pmkv
