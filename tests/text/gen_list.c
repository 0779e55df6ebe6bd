/* Writes to stdout the Candid message of one argument of type
 * List = opt record { head : int; tail : List } holding N nodes (argv[1])
 * whose heads run through -64..63, laid out as `candid encode` writes it:
 * 2 bytes per node. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    static const unsigned char header[] = {
        'D', 'I', 'D', 'L', 2,
        0x6e, 1,                                          /* 0: opt 1 */
        0x6c, 2, 0xa0, 0xd2, 0xac, 0xa8, 0x04, 0x7c,      /* 1: record { head : int; */
        0x90, 0xed, 0xda, 0xe7, 0x04, 0,                  /*    tail : 0 } */
        1, 0,                                             /* (0) */
    };
    long n = argc > 1 ? strtol(argv[1], NULL, 10) : 0;
    fwrite(header, 1, sizeof header, stdout);
    for (long i = 0; i < n; i++) {
        putchar(1);
        putchar((int)((i % 128 - 64) & 0x7f)); /* SLEB128 of one byte */
    }
    putchar(0);
    return fflush(stdout) != 0;
}
