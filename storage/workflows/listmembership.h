#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace pmkv {

// A list of names as the application keeps it: a JSON array of strings (a list key's value:
// "pm:projects:list", a project's epics list, an epic's stories list), or an array field of a
// document (epic.json's "storyIds", project.json's "epicIds"). Joining puts a new member where
// the folder's order places it; leaving takes it out; everything else in the document stays as
// it was (member order, big integers digit for digit). The result is written as the
// application writes it: JSON.stringify's compact bytes, or with `pretty` its 2-space form.
class ListMembership final
{
public:
    struct List
    {
        QString name;  // for messages: the key or the file
        QString field; // empty: the document is the array; else the document's array field
        bool pretty = false;
    };

    // `document` with `member` added after the nearest member that precedes it in `order`
    // (last when `order` does not hold it); the same bytes when it is a member already. A
    // null `document` (the list does not exist): a new array holding only the member.
    // Error "list-not-array" when the document is not the array (or object) expected.
    static Result<QByteArray> join(const QByteArray& document, const List& list,
                                   const QString& member, const QStringList& order);
    // `document` without `member`; the same bytes when it is not a member.
    static Result<QByteArray> leave(const QByteArray& document, const List& list,
                                    const QString& member);
};

} // namespace pmkv
