package identity

import (
	"crypto"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"strings"

	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwk"
)

// Keys supplies the Ed25519 keys that sign and verify access tokens. It is an
// interface because the signing key will come from a secrets resolver that can rotate
// it; implementations must be safe for concurrent use, and callers must not modify
// the returned values.
type Keys interface {
	// SigningKey returns the private key new tokens are signed with. Its "kid" is the
	// RFC 7638 SHA-256 thumbprint (base64url) and its "alg" is EdDSA.
	SigningKey() jwk.Key
	// PublicKeys returns every public key a token may be verified with: the current
	// signing key plus any previous ones still honoured during rotation. Each has
	// "kid", "alg" = EdDSA and "use" = sig. This set is also what JWKS publishes.
	PublicKeys() jwk.Set
}

// StaticKeys is a fixed Keys built from PEM-encoded private keys.
type StaticKeys struct {
	signing jwk.Key
	public  jwk.Set
}

var _ Keys = (*StaticKeys)(nil)

// ParseEd25519PEM builds StaticKeys from one or more PKCS#8 ("PRIVATE KEY") PEM blocks,
// one per argument. The first key signs; all of them verify, so a rotated-out key can
// stay listed until the tokens it signed have expired. It fails on an empty list,
// anything that is not exactly one Ed25519 PKCS#8 block, and duplicate keys. Errors
// never contain key material.
func ParseEd25519PEM(pems ...[]byte) (*StaticKeys, error) {
	if len(pems) == 0 {
		return nil, errors.New("identity: no Ed25519 keys given")
	}
	ks := &StaticKeys{public: jwk.NewSet()}
	for i, data := range pems {
		priv, err := decodeEd25519PEM(data)
		if err != nil {
			return nil, fmt.Errorf("identity: key %d: %w", i+1, err)
		}
		privJWK, pubJWK, err := ed25519JWKs(priv)
		if err != nil {
			return nil, fmt.Errorf("identity: key %d: %w", i+1, err)
		}
		if _, dup := ks.public.LookupKeyID(pubJWK.KeyID()); dup {
			return nil, fmt.Errorf("identity: key %d: duplicate of an earlier key", i+1)
		}
		if err := ks.public.AddKey(pubJWK); err != nil {
			return nil, fmt.Errorf("identity: key %d: %w", i+1, err)
		}
		if i == 0 {
			ks.signing = privJWK
		}
	}
	return ks, nil
}

// GenerateEd25519PEM returns a new Ed25519 private key as a PKCS#8 PEM block, the
// format ParseEd25519PEM reads. Dev mode and tests use it instead of a stored secret.
func GenerateEd25519PEM() ([]byte, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("identity: generating Ed25519 key: %w", err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		return nil, fmt.Errorf("identity: encoding Ed25519 key: %w", err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), nil
}

// SigningKey implements Keys.
func (k *StaticKeys) SigningKey() jwk.Key { return k.signing }

// PublicKeys implements Keys.
func (k *StaticKeys) PublicKeys() jwk.Set { return k.public }

func decodeEd25519PEM(data []byte) (ed25519.PrivateKey, error) {
	block, rest := pem.Decode(data)
	if block == nil {
		return nil, errors.New("no PEM block found")
	}
	if strings.TrimSpace(string(rest)) != "" {
		return nil, errors.New("unexpected data after the PEM block (pass one key per argument)")
	}
	if block.Type != "PRIVATE KEY" {
		return nil, fmt.Errorf("PEM block type is %q, want \"PRIVATE KEY\" (PKCS#8)", block.Type)
	}
	key, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, errors.New("not a valid PKCS#8 private key")
	}
	priv, ok := key.(ed25519.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("PKCS#8 key is %T, want an Ed25519 key", key)
	}
	return priv, nil
}

// ed25519JWKs wraps priv as a private JWK and its public half as a public JWK, both
// carrying the thumbprint kid, alg EdDSA and use sig.
func ed25519JWKs(priv ed25519.PrivateKey) (jwk.Key, jwk.Key, error) {
	privJWK, err := jwk.FromRaw(priv)
	if err != nil {
		return nil, nil, fmt.Errorf("wrapping key: %w", err)
	}
	thumb, err := privJWK.Thumbprint(crypto.SHA256)
	if err != nil {
		return nil, nil, fmt.Errorf("computing thumbprint: %w", err)
	}
	kid := base64.RawURLEncoding.EncodeToString(thumb)
	if err := setSigFields(privJWK, kid); err != nil {
		return nil, nil, err
	}
	pubJWK, err := privJWK.PublicKey()
	if err != nil {
		return nil, nil, fmt.Errorf("deriving public key: %w", err)
	}
	if err := setSigFields(pubJWK, kid); err != nil {
		return nil, nil, err
	}
	return privJWK, pubJWK, nil
}

func setSigFields(k jwk.Key, kid string) error {
	for name, v := range map[string]any{
		jwk.KeyIDKey:     kid,
		jwk.AlgorithmKey: jwa.EdDSA,
		jwk.KeyUsageKey:  jwk.ForSignature,
	} {
		if err := k.Set(name, v); err != nil {
			return fmt.Errorf("setting %q: %w", name, err)
		}
	}
	return nil
}
