package observe

import (
	"bufio"
	"io"
	"strconv"

	"github.com/physim/physim/internal/atomicfile"
)

// writeCSV writes path atomically: the header line, then n rows that row
// appends (without the line ending) to the buffer it is given.
func writeCSV(path, header string, n int, row func(b []byte, i int) []byte) error {
	return atomicfile.Write(path, func(w io.Writer) error {
		bw := bufio.NewWriter(w)
		bw.WriteString(header + "\n")
		var b []byte
		for i := 0; i < n; i++ {
			b = append(row(b[:0], i), '\n')
			bw.Write(b)
		}
		return bw.Flush()
	})
}

// appendFloats appends the values x separated by commas (with a comma first
// when b is not empty), in the shortest form that reads back exactly.
func appendFloats(b []byte, x ...float64) []byte {
	for _, v := range x {
		if len(b) > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendFloat(b, v, 'g', -1, 64)
	}
	return b
}
