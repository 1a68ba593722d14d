// The message bar at the bottom of the window: what happened, where a file went, what went wrong.

/** A message to the user. */
export interface Notice {
  kind: 'info' | 'error';
  text: string;
  /** A file to offer for download (browser mode). */
  download?: { url: string; name: string };
  /** Where a written file went, for tests and tooltips. */
  path?: string;
}

/** The bar; `testId` names the text for tests. */
export function NoticeBar({ notice, onDismiss, testId = 'notice' }: { notice: Notice; onDismiss: () => void; testId?: string }) {
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <span data-testid={testId} data-path={notice.path ?? ''}>{notice.text}</span>
      {notice.download ? (
        <a href={notice.download.url} download={notice.download.name}>
          Download
        </a>
      ) : null}
      <button onClick={onDismiss} aria-label="Dismiss">×</button>
    </div>
  );
}
