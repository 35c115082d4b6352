package io.bouncelens.server.tls;

import java.io.ByteArrayOutputStream;

/** The few DER encodings needed to hand an old-style key to the JDK. */
final class Der {

    /** rsaEncryption, 1.2.840.113549.1.1.1, with its NULL parameters: an AlgorithmIdentifier. */
    private static final byte[] RSA_ALGORITHM = {
            0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private Der() {
    }

    /**
     * A PKCS#1 RSAPrivateKey wrapped as the PKCS#8 PrivateKeyInfo the JDK reads (RFC 5208):
     * SEQUENCE { INTEGER 0, AlgorithmIdentifier, OCTET STRING { the PKCS#1 key } }.
     */
    static byte[] rsaPkcs1AsPkcs8(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(RSA_ALGORITHM);
        body.writeBytes(tagged(0x04, pkcs1));
        return tagged(0x30, body.toByteArray());
    }

    private static byte[] tagged(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = n > 0xffffff ? 4 : n > 0xffff ? 3 : n > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) out.write(n >>> (8 * i));
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
