#pragma once

#include "memorykvstore.h"
#include "testtree.h"
#include "workflows/targetsession.h"
#include "workflows/workflowcontext.h"

#include <memory>

namespace pmkv::test {

// What the workflow tests share: a small generated pm/ tree in a temporary folder, a state
// folder, and sessions over in-memory key spaces (each its own address, so that "another
// target" is a second session).
class WorkflowFixture final
{
public:
    WorkflowFixture();

    // False (and a reason in `error`) when the tree could not be generated.
    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

    QString root() const { return m_tree.path(QStringLiteral("pm")); }
    QString path(const QString& relative) const { return m_tree.path(relative); }
    // "via": "test"; no wording of steps (the prose alone).
    WorkflowContext context() const;

    // A session over a new in-memory store at `address`; `store` (when given) gets it.
    static std::unique_ptr<TargetSession> session(const QString& address,
                                                  MemoryKvStore** store = nullptr,
                                                  const ConnectionProfile& profile = {});
    static ConnectionProfile profile(const QString& name, ConnectionProfile::Environment env,
                                     bool readOnly = false);
    // Audit lines' operations, oldest first.
    QStringList auditedOperations() const;

private:
    TestTree m_tree;
    QString m_error;
};

} // namespace pmkv::test
