import { toDataURL } from 'qrcode';
import { useEffect, useState } from 'react';

/** A QR code of `text` as an image; nothing (not an error) if it cannot be drawn, the code is beside it. */
export function QrCode({ text, alt, size = 240 }: { text: string; alt: string; size?: number }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setSrc(null);
    toDataURL(text, { width: size, margin: 2, errorCorrectionLevel: 'M' }).then(
      (url) => live && setSrc(url),
      () => live && setSrc(null),
    );
    return () => {
      live = false;
    };
  }, [text, size]);
  if (!src) return <span className="qr qr--pending" style={{ width: size, height: size }} aria-hidden="true" />;
  return <img className="qr" src={src} alt={alt} width={size} height={size} data-testid="checkin-qr" />;
}
