package identity

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
)

// SecretLength is the length of a NewSecret: 32 bytes in unpadded base64url.
const SecretLength = 43

// NewSecret returns an opaque secret — 256 random bits, base64url, for refresh tokens and
// client secrets — and its HashSecret, which is all a store keeps.
func NewSecret() (secret, hash string, err error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", "", err
	}
	secret = base64.RawURLEncoding.EncodeToString(b[:])
	return secret, HashSecret(secret), nil
}

// HashSecret is the SHA-256 (hex) of a secret. A fast hash is right for a random secret of
// 256 bits: there is nothing to guess, unlike a password.
func HashSecret(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// SameHash compares two hashes in constant time.
func SameHash(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }
