package identity

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"testing"

	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwk"
)

func mustGeneratePEM(t testing.TB) []byte {
	t.Helper()
	p, err := GenerateEd25519PEM()
	if err != nil {
		t.Fatalf("GenerateEd25519PEM: %v", err)
	}
	return p
}

func mustParseKeys(t testing.TB, pems ...[]byte) *StaticKeys {
	t.Helper()
	k, err := ParseEd25519PEM(pems...)
	if err != nil {
		t.Fatalf("ParseEd25519PEM: %v", err)
	}
	return k
}

func pkcs8PEM(t testing.TB, key any) []byte {
	t.Helper()
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatalf("MarshalPKCS8PrivateKey: %v", err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})
}

// TestKeyIDIsRFC7638Thumbprint uses the Ed25519 example of RFC 8037 appendix A.
func TestKeyIDIsRFC7638Thumbprint(t *testing.T) {
	seed, err := base64.RawURLEncoding.DecodeString("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A")
	if err != nil {
		t.Fatal(err)
	}
	keys := mustParseKeys(t, pkcs8PEM(t, ed25519.NewKeyFromSeed(seed)))
	const wantKid = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"

	sk := keys.SigningKey()
	if sk.KeyID() != wantKid || sk.Algorithm() != jwa.EdDSA {
		t.Errorf("signing key kid=%q alg=%q; want %q, EdDSA", sk.KeyID(), sk.Algorithm(), wantKid)
	}
	if priv, err := jwk.IsPrivateKey(sk); err != nil || !priv {
		t.Errorf("signing key is not private (%v)", err)
	}
	if keys.PublicKeys().Len() != 1 {
		t.Fatalf("PublicKeys().Len() = %d; want 1", keys.PublicKeys().Len())
	}
	pub, _ := keys.PublicKeys().Key(0)
	if pub.KeyID() != wantKid || pub.Algorithm() != jwa.EdDSA || pub.KeyUsage() != string(jwk.ForSignature) {
		t.Errorf("public key kid=%q alg=%q use=%q", pub.KeyID(), pub.Algorithm(), pub.KeyUsage())
	}
	if priv, err := jwk.IsPrivateKey(pub); err != nil || priv {
		t.Errorf("verification key is private (%v)", err)
	}
}

func TestParseEd25519PEMRotation(t *testing.T) {
	current, previous := mustGeneratePEM(t), mustGeneratePEM(t)
	keys := mustParseKeys(t, current, previous)
	alone := mustParseKeys(t, current)
	if keys.SigningKey().KeyID() != alone.SigningKey().KeyID() {
		t.Error("signing key is not the first PEM")
	}
	if keys.PublicKeys().Len() != 2 {
		t.Fatalf("PublicKeys().Len() = %d; want 2", keys.PublicKeys().Len())
	}
	prevKid := mustParseKeys(t, previous).SigningKey().KeyID()
	if _, ok := keys.PublicKeys().LookupKeyID(prevKid); !ok {
		t.Error("previous key is not a verification key")
	}
}

func TestParseEd25519PEMErrors(t *testing.T) {
	rsaKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	ecKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	ecDER, err := x509.MarshalECPrivateKey(ecKey)
	if err != nil {
		t.Fatal(err)
	}
	good := mustGeneratePEM(t)
	edPub, _, _ := ed25519.GenerateKey(rand.Reader)
	pubDER, err := x509.MarshalPKIXPublicKey(edPub)
	if err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name string
		pems [][]byte
	}{
		{"NoKeys", nil},
		{"EmptyBytes", [][]byte{{}}},
		{"Garbage", [][]byte{[]byte("definitely not a key")}},
		{"RSA", [][]byte{pkcs8PEM(t, rsaKey)}},
		{"ECDSA", [][]byte{pkcs8PEM(t, ecKey)}},
		{"SEC1", [][]byte{pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: ecDER})}},
		{"PublicKey", [][]byte{pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: pubDER})}},
		{"BadDER", [][]byte{pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: []byte("junk")})}},
		{"TwoBlocksInOne", [][]byte{append(append([]byte(nil), good...), mustGeneratePEM(t)...)}},
		{"Duplicate", [][]byte{good, good}},
		{"SecondBad", [][]byte{good, []byte("junk")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			keys, err := ParseEd25519PEM(tt.pems...)
			if err == nil || keys != nil {
				t.Fatalf("ParseEd25519PEM = %v, %v; want an error", keys, err)
			}
		})
	}
}
