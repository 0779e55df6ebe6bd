/* libcandid: the core codec in one include. */
#ifndef CANDID_CANDID_H
#define CANDID_CANDID_H

#include "candid/error.h"
#include "candid/types.h"
#include "candid/arena.h"
#include "candid/wire.h"
#include "candid/decode.h"
#include "candid/encode.h"
#include "candid/visit.h"
#include "candid/subtype.h"

#endif
