package wstest

import (
	"bufio"
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"io"
)

// Opcodes (RFC 6455 §5.2).
const (
	opContinuation byte = 0x0
	opText         byte = 0x1
	opBinary       byte = 0x2
	opClose        byte = 0x8
	opPing         byte = 0x9
	opPong         byte = 0xA
)

// maxPayload bounds one frame's payload; tests send a few bytes.
const maxPayload = 1 << 20

// frame is one WebSocket frame, unmasked.
type frame struct {
	fin     bool
	op      byte
	payload []byte
}

// protocolError is a frame that breaks RFC 6455; the peer is told with a
// 1002 close frame. Other read errors (EOF, reset, deadline) are transport
// errors.
type protocolError struct{ msg string }

func (e *protocolError) Error() string { return e.msg }

func protoErr(format string, args ...any) error {
	return &protocolError{msg: fmt.Sprintf(format, args...)}
}

// readFrame reads one frame. mustMask is true on the server (client
// frames must be masked) and false on the client (server frames must not
// be), as RFC 6455 §5.1 requires.
func readFrame(r *bufio.Reader, mustMask bool) (frame, error) {
	var hdr [2]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return frame{}, err
	}
	f := frame{fin: hdr[0]&0x80 != 0, op: hdr[0] & 0x0F}
	if hdr[0]&0x70 != 0 {
		return frame{}, protoErr("reserved bits set without an extension: %#x", hdr[0])
	}
	switch f.op {
	case opContinuation, opText, opBinary:
	case opClose, opPing, opPong:
		if !f.fin {
			return frame{}, protoErr("fragmented control frame (opcode %#x)", f.op)
		}
	default:
		return frame{}, protoErr("unknown opcode %#x", f.op)
	}
	masked := hdr[1]&0x80 != 0
	if masked != mustMask {
		if mustMask {
			return frame{}, protoErr("client frame is not masked")
		}
		return frame{}, protoErr("server frame is masked")
	}
	n := uint64(hdr[1] & 0x7F)
	switch n {
	case 126:
		var b [2]byte
		if _, err := io.ReadFull(r, b[:]); err != nil {
			return frame{}, err
		}
		n = uint64(binary.BigEndian.Uint16(b[:]))
	case 127:
		var b [8]byte
		if _, err := io.ReadFull(r, b[:]); err != nil {
			return frame{}, err
		}
		n = binary.BigEndian.Uint64(b[:])
	}
	if f.op >= opClose && n > 125 {
		return frame{}, protoErr("control frame payload of %d bytes (at most 125)", n)
	}
	if n > maxPayload {
		return frame{}, protoErr("frame payload of %d bytes exceeds the test limit of %d", n, maxPayload)
	}
	var key [4]byte
	if masked {
		if _, err := io.ReadFull(r, key[:]); err != nil {
			return frame{}, err
		}
	}
	f.payload = make([]byte, n)
	if _, err := io.ReadFull(r, f.payload); err != nil {
		return frame{}, err
	}
	if masked {
		for i := range f.payload {
			f.payload[i] ^= key[i%4]
		}
	}
	return f, nil
}

// writeFrame writes one unfragmented frame; mask is true on the client,
// which must mask with a fresh random key (RFC 6455 §5.3).
func writeFrame(w io.Writer, op byte, payload []byte, mask bool) error {
	buf := make([]byte, 0, 14+len(payload))
	buf = append(buf, 0x80|op)
	var maskBit byte
	if mask {
		maskBit = 0x80
	}
	switch n := len(payload); {
	case n <= 125:
		buf = append(buf, maskBit|byte(n))
	case n <= 0xFFFF:
		buf = append(buf, maskBit|126)
		buf = binary.BigEndian.AppendUint16(buf, uint16(n))
	default:
		buf = append(buf, maskBit|127)
		buf = binary.BigEndian.AppendUint64(buf, uint64(n))
	}
	if !mask {
		buf = append(buf, payload...)
	} else {
		var key [4]byte
		if _, err := rand.Read(key[:]); err != nil {
			return err
		}
		buf = append(buf, key[:]...)
		for i, b := range payload {
			buf = append(buf, b^key[i%4])
		}
	}
	_, err := w.Write(buf)
	return err
}

// closePayload is a close frame's body: a status code and a reason,
// truncated to fit the 125-byte control frame limit.
func closePayload(code uint16, reason string) []byte {
	b := binary.BigEndian.AppendUint16(nil, code)
	if len(reason) > 123 {
		reason = reason[:123]
	}
	return append(b, reason...)
}
