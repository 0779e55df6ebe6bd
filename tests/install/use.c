/* The README's API snippet as a program. tests/install/meson.build builds it
 * in the tree (the snippet is extracted from README.md into readme_api.h, so
 * the README cannot drift from code that compiles); tests/install/run.sh
 * builds it against an installed libcandid with nothing but pkg-config. It
 * touches every installed layer: the core (encode, decode), the hosted text
 * printer, and the call envelope on the host backend. */
#include <stdio.h>
#include <string.h>

#include "candid/host.h"
#include "candid/text.h"
#include "readme_api.h"

/* didc encode '(record { id = 42 : nat64; name = "alice" })' */
static const uint8_t alice[] = "DIDL\x01\x6c\x02\xdb\xb7\x01\x78\xcb\xe4\xfd\xc7\x04\x71\x01\x00"
                               "\x2a\x00\x00\x00\x00\x00\x00\x00\x05" "alice";

static int failures;

static void expect(int ok, const char *what) {
    if (!ok) {
        printf("FAIL %s\n", what);
        failures++;
    }
}

static void echo(void) { /* replies with its argument */
    uint8_t buf[256];
    size_t n = candid_msg_arg_size();
    if (n > sizeof buf) n = sizeof buf;
    candid_msg_arg_copy(buf, 0, n);
    candid_msg_reply_append(buf, n);
    candid_msg_reply();
}

static void roundtrip(void) {
    uint8_t msg[128], arena[256];
    candid_status st;
    user in = {.id = 42, .name = {(const uint8_t *)"alice", 5}};
    size_t n = user_encode(&in, msg, sizeof msg, &st);
    expect(st == CANDID_OK && n == sizeof alice - 1 && memcmp(msg, alice, n) == 0, "encode bytes");
    for (int i = 0; i < 2; i++) { /* cold, then through the cache */
        user out = {0};
        char where[128];
        st = user_decode(msg, n, &out, arena, sizeof arena, where, sizeof where);
        expect(st == CANDID_OK && out.id == 42 && out.name.len == 5 &&
               memcmp(out.name.ptr, "alice", 5) == 0, "decode");
    }
    user out;
    char where[128];
    st = user_decode(msg, n - 1, &out, arena, sizeof arena, where, sizeof where);
    expect(st == CANDID_ERR_TRUNCATED &&
               strcmp(where, "argument 0 .name: input ends before the announced data at byte 28") == 0, "truncated message fails at the text");
    candid_strbuf s = {0};
    expect(candid_text_print_args(&args_t, &in, &s) == CANDID_OK && s.len == 44 &&
           memcmp(s.data, "(record { id = 42 : nat64; name = \"alice\" })", 44) == 0, "print");
    candid_strbuf_free(&s);
}

static void host_call(void) {
    static uint8_t mem[1 << 16];
    static const uint8_t id[] = {1};
    static const candid_host_method methods[] = {{"echo", echo}};
    static const candid_host_canister canister = {id, 1, methods, 1};
    candid_host host;
    candid_outcome o;
    expect(candid_host_init(&host, mem, sizeof mem) == CANDID_OK, "host init");
    candid_host_activate(&host);
    candid_host_add(&host, &canister);
    candid_status st = candid_host_ingress(&host, id, 1, "echo", id, 1, alice, sizeof alice - 1, &o);
    expect(st == CANDID_OK && o.replied && o.reply_len == sizeof alice - 1 &&
           memcmp(o.reply, alice, o.reply_len) == 0, "host echo");
}

int main(void) {
    roundtrip();
    host_call();
    if (!failures) printf("ok\n");
    return failures != 0;
}
