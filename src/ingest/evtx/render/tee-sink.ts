// Forwards BinXML callbacks to two sinks, so one pass fills the event fields and renders XML.
import type { BinXmlSink } from '../binxml/sink.ts';

export class TeeSink implements BinXmlSink {
  private readonly a: BinXmlSink;
  private readonly b: BinXmlSink;

  constructor(a: BinXmlSink, b: BinXmlSink) {
    this.a = a;
    this.b = b;
  }

  open(name: string): void {
    this.a.open(name);
    this.b.open(name);
  }

  attribute(name: string, value: string): void {
    this.a.attribute(name, value);
    this.b.attribute(name, value);
  }

  text(value: string): void {
    this.a.text(value);
    this.b.text(value);
  }

  charRef(code: number): void {
    this.a.charRef(code);
    this.b.charRef(code);
  }

  entityRef(name: string): void {
    this.a.entityRef(name);
    this.b.entityRef(name);
  }

  cdata(value: string): void {
    this.a.cdata(value);
    this.b.cdata(value);
  }

  pi(target: string, data: string): void {
    this.a.pi(target, data);
    this.b.pi(target, data);
  }

  close(): void {
    this.a.close();
    this.b.close();
  }
}
