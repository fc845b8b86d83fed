#pragma once

namespace pmkv {

// Which secret of a profile: the token (REST) or password (Redis), or the read-only token.
enum class SecretSlot { Token, ReadOnlyToken };

} // namespace pmkv
