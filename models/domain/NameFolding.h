#pragma once
// Folds names for sorting and matching with ICU ("José Müller" -> "jose muller", "王小明" ->
// "wang xiao ming"). Thread-safe: each thread uses its own transliterator.

#include <QString>

namespace ContactDesk::NameFolding {

QString fold(const QString& text);
// The key the list sorts by: last name, then first name, then company, folded ("bell kate").
QString sortKey(const QString& firstName, const QString& lastName, const QString& company = {});

} // namespace ContactDesk::NameFolding
