// The floor of passing over a JSON Lines file (docs/performance.md, "Sharded runs", Session 8): counts its
// lines with memchr, through read() of 1 MB ("r"), one mmap ("m") or mmap with MAP_POPULATE ("mp").
//   gcc -O2 -o /tmp/line-scan-floor benchmarks/scripts/line-scan-floor.c
//   /usr/bin/time -f "%U %S" /tmp/line-scan-floor r /tmp/corpus-1g.jsonl
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static long count_lines(const char *p, const char *end)
{
    long n = 0;
    while ((p = memchr(p, '\n', end - p)) != NULL) {
        n++;
        p++;
    }
    return n;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s r|m|mp FILE\n", argv[0]);
        return 2;
    }
    int fd = open(argv[2], O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        perror(argv[2]);
        return 1;
    }
    long lines = 0;
    if (argv[1][0] == 'm') {
        int flags = MAP_SHARED | (argv[1][1] == 'p' ? MAP_POPULATE : 0);
        const char *p = mmap(NULL, st.st_size, PROT_READ, flags, fd, 0);
        if (p == MAP_FAILED) {
            perror("mmap");
            return 1;
        }
        lines = count_lines(p, p + st.st_size);
    } else {
        static char buffer[1 << 20];
        ssize_t n;
        while ((n = read(fd, buffer, sizeof buffer)) > 0) {
            lines += count_lines(buffer, buffer + n);
        }
    }
    printf("%ld\n", lines);
    return 0;
}
