// The task definition XML Task Scheduler stores (and Security 4698 logs as TaskContent).

export interface TaskSpec {
  /** Local time the task was registered, `2025-03-14T10:41:55`. */
  readonly date: string;
  readonly author: string;
  readonly uri: string;
  readonly trigger: 'logon' | 'daily';
  readonly userId: string;
  readonly command: string;
  readonly arguments?: string;
}

/** Task Scheduler schema 1.2, CRLF line breaks and two-space indentation, as Windows writes it. */
export function taskXml(task: TaskSpec): string {
  const trigger =
    task.trigger === 'logon'
      ? ['    <LogonTrigger>', '      <Enabled>true</Enabled>', '    </LogonTrigger>']
      : [
          '    <CalendarTrigger>',
          `      <StartBoundary>${task.date.slice(0, 10)}T02:00:00</StartBoundary>`,
          '      <Enabled>true</Enabled>',
          '      <ScheduleByDay>',
          '        <DaysInterval>1</DaysInterval>',
          '      </ScheduleByDay>',
          '    </CalendarTrigger>',
        ];
  const exec = [`      <Command>${escapeXmlText(task.command)}</Command>`];
  if (task.arguments !== undefined)
    exec.push(`      <Arguments>${escapeXmlText(task.arguments)}</Arguments>`);
  return [
    '<?xml version="1.0" encoding="UTF-16"?>',
    '<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">',
    '  <RegistrationInfo>',
    `    <Date>${task.date}</Date>`,
    `    <Author>${escapeXmlText(task.author)}</Author>`,
    `    <URI>${escapeXmlText(task.uri)}</URI>`,
    '  </RegistrationInfo>',
    '  <Triggers>',
    ...trigger,
    '  </Triggers>',
    '  <Principals>',
    '    <Principal id="Author">',
    `      <UserId>${task.userId}</UserId>`,
    '      <LogonType>InteractiveToken</LogonType>',
    '      <RunLevel>LeastPrivilege</RunLevel>',
    '    </Principal>',
    '  </Principals>',
    '  <Settings>',
    '    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>',
    '    <DisallowStartIfOnBatteries>true</DisallowStartIfOnBatteries>',
    '    <StopIfGoingOnBatteries>true</StopIfGoingOnBatteries>',
    '    <AllowHardTerminate>true</AllowHardTerminate>',
    '    <StartWhenAvailable>false</StartWhenAvailable>',
    '    <RunOnlyIfNetworkAvailable>false</RunOnlyIfNetworkAvailable>',
    '    <IdleSettings>',
    '      <Duration>PT10M</Duration>',
    '      <WaitTimeout>PT1H</WaitTimeout>',
    '      <StopOnIdleEnd>true</StopOnIdleEnd>',
    '      <RestartOnIdle>false</RestartOnIdle>',
    '    </IdleSettings>',
    '    <AllowStartOnDemand>true</AllowStartOnDemand>',
    '    <Enabled>true</Enabled>',
    '    <Hidden>false</Hidden>',
    '    <RunOnlyIfIdle>false</RunOnlyIfIdle>',
    '    <WakeToRun>false</WakeToRun>',
    '    <ExecutionTimeLimit>PT72H</ExecutionTimeLimit>',
    '    <Priority>7</Priority>',
    '  </Settings>',
    '  <Actions Context="Author">',
    '    <Exec>',
    ...exec,
    '    </Exec>',
    '  </Actions>',
    '</Task>',
  ].join('\r\n');
}

function escapeXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
